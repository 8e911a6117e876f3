using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Normalize.Core.Translation;

/// <summary>
/// Translations already made, keyed by (backend, source language, target language, SHA-256 of the text),
/// in an append-only JSONL file: a re-run makes no request and writes the same bytes. Each entry is one
/// line written and flushed whole; a line cut short by a crash is skipped when the file is read again,
/// so the cache is never worse than missing an entry. Thread-safe; one writer process at a time.
/// </summary>
public sealed class TranslationCache : IDisposable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly string? _path;
    private FileStream? _stream;

    private TranslationCache(string? path) => _path = path;

    /// <summary>A cache kept in memory only (no file).</summary>
    public static TranslationCache InMemory() => new(null);

    /// <summary>Opens (or will create on the first entry) the cache file; damaged lines are counted in <paramref name="skipped"/>.</summary>
    public static TranslationCache Open(string path, out int skipped)
    {
        var cache = new TranslationCache(path);
        skipped = 0;
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    var entry = JsonSerializer.Deserialize<Entry>(line, JsonOptions);
                    if (entry is { Key.Length: > 0, Text: not null, Translator: not null })
                    {
                        cache._entries[entry.Key] = entry;
                        continue;
                    }
                }
                catch (JsonException)
                {
                }

                skipped++;
            }
        }

        return cache;
    }

    public string? Path => _path;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public static string Key(string backend, string source, string target, string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return $"{backend}|{source}|{target}|{Convert.ToHexStringLower(hash)}";
    }

    public bool TryGet(string key, out string translation, out string translator)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                translation = entry.Text;
                translator = entry.Translator;
                return true;
            }
        }

        translation = translator = "";
        return false;
    }

    public void Add(string key, string translation, string translator)
    {
        var entry = new Entry(key, translation, translator);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing) && existing == entry)
            {
                return;
            }

            _entries[key] = entry;
            if (_path is null)
            {
                return;
            }

            if (_stream is null)
            {
                var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path));
                if (directory is not null)
                {
                    Directory.CreateDirectory(directory);
                }

                _stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
                // A line cut short by a crash must not swallow the next entry.
                if (_stream.Length > 0 && LastByte(_path) != (byte)'\n')
                {
                    _stream.WriteByte((byte)'\n');
                }
            }

            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JsonOptions) + "\n");
            _stream.Write(bytes);
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    private static byte LastByte(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        read.Seek(-1, SeekOrigin.End);
        return (byte)read.ReadByte();
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Entry(string Key, string Text, string Translator);
}
