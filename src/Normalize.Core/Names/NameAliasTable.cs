using System.Buffers.Binary;
using System.Text;

namespace Normalize.Core.Names;

/// <summary>
/// What search needs of the names data, precomputed from a <see cref="NameIndex"/>: every spelling
/// <see cref="NameIndex.Resolve"/> knows (as written, and folded) and, per entity, the spellings a query
/// for it is widened to. One flat byte array searched in place, so a query's lookups cost a few binary
/// searches instead of loading the alias files (YAML, romanisation, folding: most of a search's start-up).
/// The default table is kept in the user's cache under a key of this build (the names files are embedded
/// in it), so a changed names file or a new build of the code that derives aliases makes a new one.
/// </summary>
public sealed class NameAliasTable
{
    private static readonly byte[] Magic = "NZALIAS1"u8.ToArray();
    private const int KeyBytes = 16;
    private const int HeaderBytes = 8 + KeyBytes + 3 * sizeof(int);
    private const int EntryBytes = 3 * sizeof(int);
    private const byte VariantSeparator = (byte)'\n';

    private static readonly Lazy<NameAliasTable> DefaultInstance = new(() => LoadOrBuild(CacheDirectory(), () => NameIndex.Default));

    private readonly byte[] _data;
    private readonly int _entityCount;
    private readonly int _exactCount;
    private readonly int _foldedCount;

    private NameAliasTable(byte[] data)
    {
        _data = data;
        _entityCount = ReadInt(HeaderBytes - 3 * sizeof(int));
        _exactCount = ReadInt(HeaderBytes - 2 * sizeof(int));
        _foldedCount = ReadInt(HeaderBytes - sizeof(int));
    }

    /// <summary>The table of the embedded names files, from the user's cache (made there on first use).</summary>
    public static NameAliasTable Default => DefaultInstance.Value;

    public int EntityCount => _entityCount;

    /// <summary>
    /// The spellings to search for <paramref name="name"/> (canonical, short form, every alias longer than
    /// two characters) when the names data knows it, as <see cref="NameIndex.Resolve"/> does; else null.
    /// </summary>
    public IReadOnlyList<string>? VariantsOf(string name)
    {
        var entity = EntityOf(name);
        return entity < 0 ? null : Variants(entity);
    }

    /// <summary>Whether <paramref name="name"/> is a spelling the names data knows.</summary>
    public bool IsName(string name) => EntityOf(name) >= 0;

    /// <summary>The spellings a query for <paramref name="entity"/> is widened to.</summary>
    public static IEnumerable<string> ExpansionOf(NameEntity entity) =>
        new[] { entity.Canonical, entity.Short }.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)
            .Concat(entity.Variants.Select(v => v.Text).Where(v => v.Length > 2)).Distinct(StringComparer.Ordinal);

    /// <summary>The table of <paramref name="names"/>.</summary>
    public static NameAliasTable Build(NameIndex names) => Build(names, new byte[KeyBytes]);

    /// <summary>
    /// The table stored in <paramref name="cacheDirectory"/> under the key of this build, or one built from
    /// <paramref name="names"/> and stored there (best effort: a cache that cannot be written only costs
    /// the next run the time to build it again).
    /// </summary>
    internal static NameAliasTable LoadOrBuild(string? cacheDirectory, Func<NameIndex> names)
    {
        var key = Key();
        var path = cacheDirectory is null ? null : Path.Combine(cacheDirectory, CacheFileName(key));
        if (path is not null && TryRead(path, key) is { } cached)
        {
            return cached;
        }

        var table = Build(names(), key);
        if (path is not null)
        {
            TryWrite(path, table._data);
        }

        return table;
    }

    /// <summary>The cache file of the table with <paramref name="key"/>; other keys' files are stale.</summary>
    internal static string CacheFileName(byte[] key) => $"names-{Convert.ToHexStringLower(key)[..16]}.bin";

    /// <summary>
    /// The module version id of this assembly: the names files are embedded in it, and a deterministic
    /// build derives the id from a hash of everything in it (code and resources), so an edited names file
    /// or alias code gives a new key; a non-deterministic build gives a new one every time.
    /// </summary>
    internal static byte[] Key()
    {
        var key = new byte[KeyBytes];
        typeof(NameIndex).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(key);
        return key;
    }

    /// <summary>$XDG_CACHE_HOME/normalize, else ~/.cache/normalize (the local application data folder on Windows); null without a home.</summary>
    internal static string? CacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg))
        {
            return Path.Combine(xdg, "normalize");
        }

        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length == 0 ? null : Path.Combine(local, "normalize", "cache");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? null : Path.Combine(home, ".cache", "normalize");
    }

    private int EntityOf(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return -1;
        }

        var entity = Find(ExactStart, _exactCount, trimmed);
        return entity >= 0 ? entity : Find(FoldedStart, _foldedCount, NameIndex.Fold(trimmed));
    }

    private int EntitiesStart => HeaderBytes;

    private int ExactStart => EntitiesStart + (_entityCount + 1) * sizeof(int);

    private int FoldedStart => ExactStart + _exactCount * EntryBytes;

    private int BlobStart => FoldedStart + _foldedCount * EntryBytes;

    private int ReadInt(int offset) => BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(offset, sizeof(int)));

    /// <summary>Binary search of the entries at <paramref name="start"/> (sorted by UTF-8 bytes) for <paramref name="text"/>: its entity, or -1.</summary>
    private int Find(int start, int count, string text)
    {
        var key = Encoding.UTF8.GetBytes(text);
        var blob = BlobStart;
        int low = 0, high = count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var entry = start + middle * EntryBytes;
            var compared = _data.AsSpan(blob + ReadInt(entry), ReadInt(entry + sizeof(int))).SequenceCompareTo(key);
            if (compared == 0)
            {
                return ReadInt(entry + 2 * sizeof(int));
            }

            if (compared < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private string[] Variants(int entity)
    {
        var from = ReadInt(EntitiesStart + entity * sizeof(int));
        var to = ReadInt(EntitiesStart + (entity + 1) * sizeof(int));
        return Encoding.UTF8.GetString(_data, BlobStart + from, to - from).Split((char)VariantSeparator);
    }

    private static NameAliasTable Build(NameIndex names, byte[] key)
    {
        var entityIndex = new Dictionary<NameEntity, int>(ReferenceEqualityComparer.Instance);
        var blob = new MemoryStream();
        var entityOffsets = new List<int>(names.Entities.Count + 1);
        foreach (var entity in names.Entities)
        {
            entityIndex[entity] = entityIndex.Count;
            entityOffsets.Add((int)blob.Length);
            var joined = Encoding.UTF8.GetBytes(string.Join((char)VariantSeparator, ExpansionOf(entity)));
            blob.Write(joined);
        }

        entityOffsets.Add((int)blob.Length);
        var exact = Entries(names.ExactAliases, entityIndex, blob);
        var folded = Entries(names.FoldedAliases, entityIndex, blob);

        var output = new MemoryStream();
        var writer = new BinaryWriter(output);
        writer.Write(Magic);
        writer.Write(key);
        writer.Write(names.Entities.Count);
        writer.Write(exact.Count);
        writer.Write(folded.Count);
        foreach (var offset in entityOffsets)
        {
            writer.Write(offset);
        }

        foreach (var (start, length, entity) in exact.Concat(folded))
        {
            writer.Write(start);
            writer.Write(length);
            writer.Write(entity);
        }

        writer.Write(blob.ToArray());
        writer.Flush();
        return new NameAliasTable(output.ToArray());
    }

    /// <summary>The aliases as (blob offset, length, entity), in the UTF-8 byte order <see cref="Find"/> searches.</summary>
    private static List<(int Start, int Length, int Entity)> Entries(IReadOnlyDictionary<string, NameAlias> aliases,
        Dictionary<NameEntity, int> entityIndex, MemoryStream blob)
    {
        var sorted = aliases.Select(a => (Bytes: Encoding.UTF8.GetBytes(a.Key), Entity: entityIndex[a.Value.Entity]))
            .OrderBy(a => a.Bytes, Utf8Order.Instance).ToList();
        var entries = new List<(int, int, int)>(sorted.Count);
        foreach (var (bytes, entity) in sorted)
        {
            entries.Add(((int)blob.Length, bytes.Length, entity));
            blob.Write(bytes);
        }

        return entries;
    }

    private static NameAliasTable? TryRead(string path, byte[] key)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (data.Length < HeaderBytes || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic) || !data.AsSpan(Magic.Length, KeyBytes).SequenceEqual(key))
        {
            return null;
        }

        var table = new NameAliasTable(data);
        return table.IsWhole() ? table : null;
    }

    /// <summary>Whether every count, offset and length lies inside the data (a cut or damaged file is built again).</summary>
    private bool IsWhole()
    {
        if (_entityCount < 0 || _exactCount < 0 || _foldedCount < 0
            || (long)HeaderBytes + (_entityCount + 1L) * sizeof(int) + ((long)_exactCount + _foldedCount) * EntryBytes > _data.Length)
        {
            return false;
        }

        var blobLength = _data.Length - BlobStart;
        var previous = 0;
        for (var i = 0; i <= _entityCount; i++)
        {
            var offset = ReadInt(EntitiesStart + i * sizeof(int));
            if (offset < previous || offset > blobLength)
            {
                return false;
            }

            previous = offset;
        }

        for (var i = 0; i < _exactCount + _foldedCount; i++)
        {
            var entry = ExactStart + i * EntryBytes;
            var (start, length, entity) = (ReadInt(entry), ReadInt(entry + sizeof(int)), ReadInt(entry + 2 * sizeof(int)));
            if (start < 0 || length < 0 || (long)start + length > blobLength || entity < 0 || entity >= _entityCount)
            {
                return false;
            }
        }

        return true;
    }

    private static void TryWrite(string path, byte[] data)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(temporary, data);
            File.Move(temporary, path, overwrite: true);
            // Tables of other builds are not read by this one; a day's grace spares two builds in use side by side.
            foreach (var stale in Directory.EnumerateFiles(directory, "names-*.bin"))
            {
                if (!string.Equals(stale, path, StringComparison.Ordinal) && File.GetLastWriteTimeUtc(stale) < DateTime.UtcNow.AddDays(-1))
                {
                    File.Delete(stale);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the table in memory serves this run.
            }
        }
    }

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
