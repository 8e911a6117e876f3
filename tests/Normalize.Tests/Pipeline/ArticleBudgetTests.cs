using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Tests.Repair;
using Normalize.Tests.Support;

namespace Normalize.Tests.Pipeline;

/// <summary>
/// Every article gets a time and size budget inside the stages (issue 14 item 12): a stage that runs out stops
/// part-way with a warning naming it, and the article is still written. The clock is stepped by the checks
/// themselves, never read from the wall, so each test runs out at the same place on any machine.
/// </summary>
public class ArticleBudgetTests
{
    /// <summary>A clock that moves on one millisecond each time it is read: a budget of N ms lasts about N checks.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => Interlocked.Increment(ref _ticks);
    }

    /// <summary>A short English paragraph, then a long one with thousands of names (and sentences).</summary>
    private static readonly string ManyNames =
        "The “army” said 7 000 drones arrived in the east on Monday.\n\n" + string.Concat(Enumerable.Repeat("Officials in Kiev, Kyiv and Moscow said the talks would go on. ", 1500));

    /// <summary>
    /// Enough checks for the stages before names (about 4,500, most of them repair's, one per sentence), far fewer
    /// than they and the names stage (about 12,000, one per name) make together on <see cref="ManyNames"/>.
    /// </summary>
    private static ArticleBudget SteppedBudget() => new() { Time = TimeSpan.FromSeconds(8), Clock = new SteppingClock() };

    private static NormalizePipeline Pipeline(ArticleBudget budget, params string[] stages) =>
        DefaultPipeline.Create(new PipelineOptions { Budget = budget, OnlyStages = stages.Length == 0 ? null : stages });

    [Fact]
    public void AStageThatRunsOutStopsThereTheLaterOnesDoNotRunAndTheEarlierWorkStays()
    {
        var article = Pipeline(SteppedBudget()).Process(Articles.FromText(ManyNames));

        var warning = Assert.Single(article.Warnings, w => w.Contains("time budget", StringComparison.Ordinal));
        Assert.Contains("8 s per-article time budget", warning, StringComparison.Ordinal);
        Assert.Contains("the names stage stopped part-way and units did not run", warning, StringComparison.Ordinal);
        Assert.Contains("The \"army\" said", article.Text, StringComparison.Ordinal); // typography ran
        Assert.Contains("Officials in Kiev, Kyiv", article.Text, StringComparison.Ordinal); // names rewrote nothing
        Assert.Empty(article.Entities);
        Assert.Empty(article.Quantities); // units did not run
        Assert.Equal("en", article.Language); // language ran
    }

    [Fact]
    public void AnArticleOverItsTimeBudgetIsStillWrittenAndTheWarningNamesIt()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("slow.txt", ManyNames);
        var warnings = new List<string>();
        var summary = new CleanJob
        {
            Inputs = [input],
            Pipeline = Pipeline(SteppedBudget()),
            OutputDirectory = temp.File("out"),
            ReportWarning = warnings.Add,
        }.Run();

        Assert.Equal(1, summary.Written);
        Assert.Equal(0, summary.Failed);
        Assert.Single(File.ReadLines(temp.File("out/corpus.jsonl")));
        Assert.Contains(warnings, w => w.StartsWith(input, StringComparison.Ordinal) && w.Contains("names stage stopped part-way", StringComparison.Ordinal));
    }

    [Fact]
    public void ANoTimeBudgetArticleIsReturnedUnchangedWithTheFirstStageNamed()
    {
        var article = Pipeline(new ArticleBudget { Time = TimeSpan.Zero }).Process(Articles.FromText(ManyNames));
        Assert.Equal(ManyNames.TrimEnd(), article.Text);
        Assert.Contains(article.Warnings, w => w.Contains("the boilerplate stage stopped part-way and language, translate, typography, repair, names, units did not run", StringComparison.Ordinal));
    }

    [Fact]
    public void AParagraphOverTheSizeBudgetIsLeftAsItWasByTheUnitsStage()
    {
        var longParagraph = "Another 7 000 troops crossed." + string.Concat(Enumerable.Repeat(" They marched on through the night.", 10));
        var article = Pipeline(new ArticleBudget { MaxParagraphChars = 200 }, StageNames.Units)
            .Process(Articles.FromText($"Some 7 000 troops crossed.\n\n{longParagraph}"));

        Assert.StartsWith("Some 7,000 troops crossed.", article.Text, StringComparison.Ordinal);
        Assert.Contains("Another 7 000 troops", article.Text, StringComparison.Ordinal);
        Assert.Single(article.Quantities);
        Assert.Contains($"units stage: paragraph 2 ({longParagraph.Length:N0} characters) is over the 200-character paragraph budget; left as it was", article.Warnings);
    }

    [RepairFact]
    public void TokensOverTheSizeBudgetAreNotReadByTheRepairStage()
    {
        const string text = "The panel that previously North Korea monit order.";
        Assert.Contains("monitored", Pipeline(ArticleBudget.Default, StageNames.Repair).Process(Articles.FromText(text)).Text, StringComparison.Ordinal);

        var article = Pipeline(new ArticleBudget { MaxTokenChars = 4 }, StageNames.Repair).Process(Articles.FromText(text));
        Assert.Equal(text, article.Text);
        Assert.Contains(article.Warnings, w => w.StartsWith("repair stage: ", StringComparison.Ordinal) && w.Contains("4-character token budget", StringComparison.Ordinal));
    }
}
