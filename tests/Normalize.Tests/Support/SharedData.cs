namespace Normalize.Tests.Support;

/// <summary>
/// Finds ../shared (third-party seeds and bench data, never copied into the project):
/// $NORMALIZE_SHARED, else the first "shared" folder beside an ancestor of the test directory.
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = Find();

    public static string? Path(string relative)
    {
        if (Root is null)
        {
            return null;
        }

        var path = System.IO.Path.Combine(Root, relative);
        return Directory.Exists(path) || File.Exists(path) ? path : null;
    }

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NORMALIZE_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "seeds")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with the reason shown, when ../shared/RELATIVE is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative)
    {
        if (SharedData.Path(relative) is null)
        {
            Skip = $"../shared/{relative} is not here (set NORMALIZE_SHARED to the shared folder to run this test)";
        }
    }
}

/// <summary>A theory that is skipped, with the reason shown, when ../shared/RELATIVE is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string relative)
    {
        if (SharedData.Path(relative) is null)
        {
            Skip = $"../shared/{relative} is not here (set NORMALIZE_SHARED to the shared folder to run this test)";
        }
    }
}
