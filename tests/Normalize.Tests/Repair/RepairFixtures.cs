using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Core.Repair;
using Normalize.Core.Rules;
using Normalize.Tests.Support;

namespace Normalize.Tests.Repair;

/// <summary>Shared setup of the repair tests: the stage, the seeds folder, and the dictionary check.</summary>
internal static class RepairFixtures
{
    public static readonly RepairRules Rules = RepairRules.Load(RuleFiles.Embedded);

    public static RepairStage Stage(Dictionaries? dictionaries = null) => new(Rules, dictionaries ?? Dictionaries.System);

    /// <summary>One seed of ../shared/seeds, read as the clean command reads it, through typography and repair.</summary>
    public static Article CleanSeed(string fileName)
    {
        var path = SharedData.Path("seeds/" + fileName)
            ?? throw new InvalidOperationException($"../shared/seeds/{fileName} is missing (the test should have been skipped)");

        var article = Normalize.Core.Ingest.InputReader.FromPlainText(Path.GetFileNameWithoutExtension(path), path, File.ReadAllText(path));
        return Pipeline().Process(article);
    }

    /// <summary>
    /// Typography then repair, the stages under test; boilerplate is left out so these tests depend on
    /// repair alone (the end-to-end tests run the whole pipeline).
    /// </summary>
    public static NormalizePipeline Pipeline() => SharedPipeline.Value;

    private static readonly Lazy<NormalizePipeline> SharedPipeline = new(() =>
        DefaultPipeline.CreateBuilder(new PipelineOptions
        {
            OnlyStages = [StageNames.Typography, StageNames.Repair],
        }).Build());

    public static Article Repair(string text, string? translatedFrom = null, Dictionaries? dictionaries = null)
    {
        var article = new Article("test", "test", text) { TranslatedFrom = translatedFrom };
        Stage(dictionaries).Process(article);
        return article;
    }

    public static IEnumerable<Change> RepairChanges(this Article article) =>
        article.Changes.Where(c => c.Stage == StageNames.Repair);
}
