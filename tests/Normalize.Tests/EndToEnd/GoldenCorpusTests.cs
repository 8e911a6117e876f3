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
        if (ApertiumUnusedReason() is { } reason)
        {
            // The golden run translates with Apertium; without it those articles stay Spanish, so they are not compared.
            var translated = TranslatedIds(golden["corpus.jsonl"]);
            output.WriteLine($"golden comparison of {translated.Count} Apertium-translated article(s) skipped: {reason}");
            golden = WithoutArticles(golden, translated);
            produced = WithoutArticles(produced, translated);
        }

        Assert.Equal(golden.Keys.Order(), produced.Keys.Order());
        foreach (var (name, text) in produced)
        {
            Assert.True(golden[name] == text, $"normalized/{name} differs from what seeds/ cleans to now; run UPDATE_GOLDEN=1 dotnet test to re-bless after checking the diff");
        }
    }

    private static bool IsGoldenFile(string path) =>
        Path.GetExtension(path) is ".txt" or ".jsonl" && Path.GetFileName(path) != CleanCommandCacheFile;

    /// <summary>The translation cache lives beside the corpus but is not part of it.</summary>
    private const string CleanCommandCacheFile = "translation-cache.jsonl";

    /// <summary>Why this run's `--translate auto` does not use Apertium as the golden run did, or null.</summary>
    private static string? ApertiumUnusedReason()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Normalize.Core.Translation.AzureTranslator.KeyVariable)))
        {
            return $"{Normalize.Core.Translation.AzureTranslator.KeyVariable} is set, so auto translates with Azure";
        }

        var rules = Normalize.Core.Translation.TranslationRules.Load(Normalize.Core.Rules.RuleFiles.Embedded);
        using var apertium = Normalize.Core.Translation.ApertiumTranslator.Discover(rules, out var reason);
        return apertium is null ? reason : null;
    }

    private static HashSet<string> TranslatedIds(string corpus) =>
        corpus.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(r => r.GetProperty("translator").GetString()?.StartsWith("apertium", StringComparison.Ordinal) == true)
            .Select(r => r.GetProperty("id").GetString()!)
            .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> WithoutArticles(Dictionary<string, string> files, HashSet<string> ids) =>
        files.Where(f => !ids.Contains(Path.GetFileNameWithoutExtension(f.Key)))
            .ToDictionary(f => f.Key, f => f.Key == "corpus.jsonl"
                ? string.Concat(f.Value.Split('\n').Where(l => l.Length > 0 && !ids.Contains(System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)).Select(l => l + "\n"))
                : f.Value);

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
