using System.CommandLine;

namespace Normalize.Cli.Commands;

/// <summary>Options shared by several verbs, so they are spelled and described once.</summary>
internal static class CommonOptions
{
    public const string IndexEnvironmentVariable = "NORMALIZE_INDEX";

    public static Option<string?> Index(string description) => new("--index")
    {
        Description = description,
        HelpName = "DIR",
    };

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print no summary and no progress (errors and warnings are still shown)" };

    /// <summary>A verb's --help text: what it does, one example and its exit codes.</summary>
    public static string Describe(string summary, string example, string exitCodes) =>
        $"{summary}\n\nExample:\n  {example}\n\nExit codes: {exitCodes}";

    /// <summary>The index to read: --index, else $NORMALIZE_INDEX; null with a message when neither.</summary>
    public static string? ResolveIndexToRead(string? option, CommandIO io)
    {
        var path = option ?? Environment.GetEnvironmentVariable(IndexEnvironmentVariable);
        if (string.IsNullOrEmpty(path))
        {
            io.WriteError($"no index given: pass --index DIR or set {IndexEnvironmentVariable}");
        }

        return string.IsNullOrEmpty(path) ? null : path;
    }
}
