namespace Normalize.Core.Corpus;

/// <summary>Refuses an output folder that would overwrite the inputs (or be read as input by the next run).</summary>
public static class OutputGuard
{
    /// <summary>Why writing to <paramref name="outputFolder"/> (and <paramref name="indexPath"/>) would harm an input; null when it would not.</summary>
    public static string? Check(IEnumerable<string> inputs, string outputFolder, string? indexPath)
    {
        var output = RealPath(outputFolder);
        var index = indexPath is null ? null : RealPath(indexPath);
        foreach (var input in inputs)
        {
            if (input == Ingest.InputReader.StandardInputName)
            {
                continue;
            }

            var path = RealPath(input);
            if (Directory.Exists(path))
            {
                if (path == output)
                {
                    return $"the output folder '{outputFolder}' is the input folder '{input}': cleaning would overwrite the raw articles; choose an --out outside it";
                }

                if (IsInside(output, path))
                {
                    return $"the output folder '{outputFolder}' is inside the input folder '{input}': the next run would read its own output as input; choose an --out outside it";
                }

                if (index is not null && IsInside(index, path))
                {
                    return $"the index '{indexPath}' is inside the input folder '{input}'; choose an --index outside it";
                }

                continue;
            }

            var folder = Path.GetDirectoryName(path);
            if (folder == output || (folder is not null && IsInside(folder, Path.Combine(output, CorpusStore.StateFolderName))))
            {
                return $"the input '{input}' is in the output folder '{outputFolder}', where clean writes corpus.jsonl and the .txt files; move it or choose another --out";
            }

            if (index is not null && (path == index || IsInside(path, index)))
            {
                return $"the input '{input}' is the index '{indexPath}'; choose another --index";
            }
        }

        return null;
    }

    private static bool IsInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The absolute path with every symbolic link along it resolved (parts that do not exist yet are kept as written).</summary>
    internal static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full);
        if (parent is null)
        {
            return full;
        }

        var resolved = Path.Combine(RealPath(parent), Path.GetFileName(full));
        try
        {
            FileSystemInfo info = Directory.Exists(resolved) ? new DirectoryInfo(resolved) : new FileInfo(resolved);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                return RealPath(target.FullName);
            }
        }
        catch (IOException)
        {
            // A link loop: compare the path as written.
        }

        return resolved;
    }
}
