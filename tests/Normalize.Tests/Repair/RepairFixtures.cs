using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Core.Repair;
using Normalize.Core.Rules;
using Xunit.Abstractions;

namespace Normalize.Tests.Repair;

/// <summary>Shared setup of the repair tests: the stage, the seeds folder, and the dictionary check.</summary>
internal static class RepairFixtures
{
    public static readonly RepairRules Rules = RepairRules.Load(RuleFiles.Embedded);

    public static RepairStage Stage(Dictionaries? dictionaries = null) => new(Rules, dictionaries ?? Dictionaries.System);

    /// <summary>
    /// True when the Hunspell dictionaries are installed. Otherwise writes the reason (the stage's own
    /// availability message) and the test passes without checking: xunit 2 has no dynamic skip.
    /// </summary>
    public static bool DictionariesInstalled(ITestOutputHelper output)
    {
        if (Dictionaries.System.English is not null)
        {
            return true;
        }

        output.WriteLine("skipped: " + Dictionaries.System.Availability);
        return false;
    }

    /// <summary>../shared/seeds ($NORMALIZE_SHARED/seeds, else the first ../shared/seeds above the working directory), or null.</summary>
    public static string? SeedsFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NORMALIZE_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(Path.Combine(fromEnv, "seeds")))
        {
            return Path.Combine(fromEnv, "seeds");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    /// <summary>One seed through boilerplate, typography and repair, as the clean command runs it; null (reason written) when absent.</summary>
    public static Article? CleanSeed(string fileName, ITestOutputHelper output)
    {
        var folder = SeedsFolder();
        var path = folder is null ? null : Path.Combine(folder, fileName);
        if (path is null || !File.Exists(path))
        {
            output.WriteLine($"skipped: ../shared/seeds/{fileName} is not here (set NORMALIZE_SHARED to the shared folder)");
            return null;
        }

        var article = Normalize.Core.Ingest.InputReader.FromPlainText(Path.GetFileNameWithoutExtension(path), path, File.ReadAllText(path));
        return Pipeline().Process(article);
    }

    public static NormalizePipeline Pipeline() =>
        DefaultPipeline.CreateBuilder(new PipelineOptions
        {
            OnlyStages = [StageNames.Boilerplate, StageNames.Typography, StageNames.Repair],
        }).Build();

    public static Article Repair(string text, string? translatedFrom = null, Dictionaries? dictionaries = null)
    {
        var article = new Article("test", "test", text) { TranslatedFrom = translatedFrom };
        Stage(dictionaries).Process(article);
        return article;
    }

    public static IEnumerable<Change> RepairChanges(this Article article) =>
        article.Changes.Where(c => c.Stage == StageNames.Repair);
}
