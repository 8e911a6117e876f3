namespace Normalize.Core.Ingest;

/// <summary>
/// Lists the files under a directory, recursively and sorted ordinally, without following a
/// directory link into a directory already read (a loop, or the same tree twice): each directory
/// is entered once by its real path. An unreadable subdirectory is one error; the walk goes on.
/// </summary>
internal sealed class DirectoryWalker
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly Action<string> _warn;
    private readonly CancellationToken _cancellation;

    public DirectoryWalker(Action<string>? warn, CancellationToken cancellation)
    {
        _warn = warn ?? (_ => { });
        _cancellation = cancellation;
    }

    /// <summary>Files (Error null) and unreadable directories (Error set), depth first in ordinal order.</summary>
    public IEnumerable<(string Path, string? Error)> Walk(string root)
    {
        var real = RealPath(root);
        if (_visited.Contains(real))
        {
            _warn($"{root}: directory given more than once; read once");
            return [];
        }

        return Walk(root, real);
    }

    private IEnumerable<(string Path, string? Error)> Walk(string directory, string realPath)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (!_visited.Add(realPath))
        {
            yield break;
        }

        List<FileSystemInfo> entries;
        string? error = null;
        try
        {
            entries = [.. new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions
            {
                RecurseSubdirectories = false,
                IgnoreInaccessible = false,
                AttributesToSkip = FileAttributes.Hidden,
                ReturnSpecialDirectories = false,
            })];
            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            entries = [];
            error = ex is UnauthorizedAccessException or System.Security.SecurityException
                ? "cannot read directory: permission denied"
                : "cannot read directory: " + ex.Message;
        }

        if (error is not null)
        {
            yield return (directory, error);
            yield break;
        }

        foreach (var entry in entries)
        {
            var path = Path.Combine(directory, entry.Name);
            if (entry is not DirectoryInfo subdirectory)
            {
                yield return (path, null);
                continue;
            }

            var realChild = subdirectory.LinkTarget is null ? Path.Combine(realPath, entry.Name) : ResolveLink(subdirectory);
            if (realChild is null)
            {
                _warn($"{path}: directory link that cannot be resolved (a loop of links?); skipped");
                continue;
            }

            if (_visited.Contains(realChild))
            {
                _warn($"{path}: directory link to {realChild}, a directory already read in this run (a loop?); skipped");
                continue;
            }

            foreach (var item in Walk(path, realChild))
            {
                yield return item;
            }
        }
    }

    private static string? ResolveLink(DirectoryInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is { } target ? RealPath(target.FullName) : null;
        }
        catch (IOException)
        {
            // A link loop the OS itself refuses (ELOOP), or a link to nothing.
            return null;
        }
    }

    /// <summary>The path with every directory link on the way resolved (what realpath(3) returns).</summary>
    internal static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full) ?? "/";
        var resolved = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var hops = 0; hops < 64; hops++)
        {
            var restarted = false;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(resolved, parts[i]);
                string? target;
                try
                {
                    target = new DirectoryInfo(next).LinkTarget;
                }
                catch (IOException)
                {
                    target = null;
                }

                if (target is null)
                {
                    resolved = next;
                    continue;
                }

                // Start over from the link's target, then the rest of the path.
                var rest = parts[(i + 1)..];
                var targetFull = Path.GetFullPath(target, resolved);
                var targetRoot = Path.GetPathRoot(targetFull) ?? "/";
                resolved = targetRoot;
                parts = [.. targetFull[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. rest];
                restarted = true;
                break;
            }

            if (!restarted)
            {
                return resolved;
            }
        }

        return full;
    }
}
