namespace Normalize.Core.Ingest;

/// <summary>
/// Copies of the inputs that can be read only once (named pipes, <c>&lt;(cmd)</c>, character devices), so the
/// repeated-line count and the cleaning both read the same bytes while the pipe itself is read once.
/// </summary>
public sealed class InputSpool : IDisposable
{
    private readonly Dictionary<string, string> _copies = new(StringComparer.Ordinal);
    private readonly string _folder;

    private InputSpool(string folder) => _folder = folder;

    /// <summary>
    /// Copies every input among <paramref name="paths"/> that is not a regular file into <paramref name="folder"/>.
    /// A document is copied up to one byte past <paramref name="maxDocumentBytes"/> (enough for the reader to
    /// refuse it); a JSONL stream is copied whole, to disk, not memory.
    /// </summary>
    public static InputSpool Create(IEnumerable<string> paths, string folder, long maxDocumentBytes)
    {
        var spool = new InputSpool(folder);
        foreach (var path in paths)
        {
            if (path == InputReader.StandardInputName || spool._copies.ContainsKey(path) || !MayBeAPipe(path))
            {
                continue;
            }

            try
            {
                using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
                if (source.CanSeek)
                {
                    continue;
                }

                Directory.CreateDirectory(folder);
                var copy = Path.Combine(folder, $"{spool._copies.Count}{Path.GetExtension(path)}");
                using (var target = File.Create(copy))
                {
                    var extension = Path.GetExtension(path).ToLowerInvariant();
                    var limit = extension is ".jsonl" or ".ndjson" ? long.MaxValue : maxDocumentBytes + 1;
                    Copy(source, target, limit);
                }

                spool._copies[path] = copy;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The reader reports the input as unreadable when it gets to it.
            }
        }

        return spool;
    }

    /// <summary>Where to read <paramref name="path"/>'s bytes: its copy, or the file itself.</summary>
    public string ContentPath(string path) => _copies.GetValueOrDefault(path, path);

    /// <summary>True when <paramref name="path"/> was copied (it is not a regular file).</summary>
    public bool IsCopied(string path) => _copies.ContainsKey(path);

    public void Dispose()
    {
        // The folder may be gone already (a committed run's staging folder is removed with it).
        if (_copies.Count == 0 || !Directory.Exists(_folder))
        {
            return;
        }

        foreach (var copy in _copies.Values)
        {
            File.Delete(copy);
        }

        if (!Directory.EnumerateFileSystemEntries(_folder).Any())
        {
            Directory.Delete(_folder);
        }
    }

    /// <summary>
    /// Pipes and devices report a length of 0, and <c>&lt;(cmd)</c> is a link (/dev/fd/N); only those are opened
    /// to find out whether they can seek.
    /// </summary>
    private static bool MayBeAPipe(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && (info.Length == 0 || info.LinkTarget is not null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Copy(Stream source, Stream target, long limit)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - total))) > 0)
        {
            target.Write(buffer, 0, read);
            total += read;
        }
    }
}
