using Normalize.Tests.Support;
using Xunit.Abstractions;

namespace Normalize.Tests.EndToEnd;

/// <summary>
/// normalized/ is the checked-in output of the README's main command on seeds/. This test makes
/// it again and fails on any difference; UPDATE_GOLDEN=1 re-blesses it (refused when CI=true).
/// </summary>
public class GoldenCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void SeedsCleanToTheCheckedInGoldenCorpus()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("clean", RepoPaths.Seeds, "--out", dir.Path, "--no-index");
        Assert.True(result.ExitCode == 0, result.Error);

        var produced = Directory.GetFiles(dir.Path).Where(IsGoldenFile).ToDictionary(f => Path.GetFileName(f), f => Relativize(File.ReadAllText(f)));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "UPDATE_GOLDEN is refused when CI=true");
            Bless(produced);
            output.WriteLine($"re-blessed {produced.Count} files in {RepoPaths.Normalized}");
            return;
        }

        var golden = Directory.GetFiles(RepoPaths.Normalized).Where(IsGoldenFile).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        Assert.Equal(golden.Keys.Order(), produced.Keys.Order());
        foreach (var (name, text) in produced)
        {
            Assert.True(golden[name] == text, $"normalized/{name} differs from what seeds/ cleans to now; run UPDATE_GOLDEN=1 dotnet test to re-bless after checking the diff");
        }
    }

    private static bool IsGoldenFile(string path) => Path.GetExtension(path) is ".txt" or ".jsonl";

    /// <summary>The README's command runs from the repository root, so sources read "seeds/…".</summary>
    private static string Relativize(string text) =>
        text.Replace(RepoPaths.Seeds + Path.DirectorySeparatorChar, "seeds/", StringComparison.Ordinal);

    private static void Bless(Dictionary<string, string> produced)
    {
        Directory.CreateDirectory(RepoPaths.Normalized);
        foreach (var stale in Directory.GetFiles(RepoPaths.Normalized).Where(IsGoldenFile))
        {
            if (!produced.ContainsKey(Path.GetFileName(stale)))
            {
                File.Delete(stale);
            }
        }

        foreach (var (name, text) in produced)
        {
            File.WriteAllText(Path.Combine(RepoPaths.Normalized, name), text);
        }
    }
}
