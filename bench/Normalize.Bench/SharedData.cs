namespace Normalize.Bench;

/// <summary>Finds ../shared (the third-party evaluation data), which never lives in the project.</summary>
public static class SharedData
{
    /// <summary>The shared folder: $NORMALIZE_SHARED, else the first ../shared above the current directory.</summary>
    public static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NORMALIZE_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(Path.Combine(candidate, "bench")) || Directory.Exists(Path.Combine(candidate, "seeds")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    /// <summary>The folder <paramref name="relative"/> under shared/, or null after printing why it is skipped.</summary>
    public static string? Require(string relative)
    {
        var shared = Find();
        var path = shared is null ? null : Path.Combine(shared, relative);
        if (path is null || !(Directory.Exists(path) || File.Exists(path)))
        {
            Console.Error.WriteLine($"skipped: ../shared/{relative} is not here (set NORMALIZE_SHARED to the shared folder)");
            return null;
        }

        return path;
    }
}
