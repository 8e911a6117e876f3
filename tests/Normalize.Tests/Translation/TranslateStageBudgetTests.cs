using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Core.Rules;
using Normalize.Core.Translation;

namespace Normalize.Tests.Translation;

/// <summary>
/// The translate stage within the article's budget: the fuzz run's 649 KB Catalan "word" kept Apertium busy for
/// good (lrx-proc at 100% CPU for over 20 minutes) and the whole `clean` with it.
/// </summary>
public class TranslateStageBudgetTests
{
    /// <summary>A backend that upper-cases, records what it was given, and can wait for the cancellation.</summary>
    private sealed class FakeTranslator(bool waitForCancellation = false) : ITranslator
    {
        public List<string> Received { get; } = [];

        public string Name => "fake";

        public bool Supports(string language) => true;

        public string Describe(string language) => "fake 1";

        public IReadOnlyList<string> Translate(string language, IReadOnlyList<string> texts, CancellationToken cancellation = default)
        {
            if (waitForCancellation)
            {
                cancellation.WaitHandle.WaitOne();
                cancellation.ThrowIfCancellationRequested();
            }

            Received.AddRange(texts);
            return texts.Select(t => t.ToUpperInvariant()).ToList();
        }
    }

    private static TranslateStage Stage(ITranslator translator) =>
        new([translator], TranslationRules.Load(RuleFiles.Embedded), TranslationCache.InMemory());

    private static Article Catalan(string text, ArticleBudget? budget = null) =>
        new("t", "t.txt", text) { Language = "ca", Budget = budget ?? ArticleBudget.Default };

    [Fact]
    public void AParagraphWithATokenOverTheBudgetStaysUntranslatedWithAWarning()
    {
        var giant = "Els EUA " + string.Concat(Enumerable.Repeat("kmkm", 600));
        var article = Catalan($"El gos menja pa.\n\n{giant}");
        var translator = new FakeTranslator();
        Stage(translator).Process(article);

        Assert.Equal(["El gos menja pa."], translator.Received);
        Assert.Equal($"EL GOS MENJA PA.\n\n{giant}", article.Text);
        Assert.Equal("ca", article.TranslatedFrom);
        Assert.Contains(article.Warnings, w => w.StartsWith("translate stage: paragraph 2 (2,408 characters) is over", StringComparison.Ordinal));
    }

    [Fact]
    public void AnArticleWithNothingWithinTheBudgetIsNotMarkedTranslated()
    {
        var giant = "Els EUA " + string.Concat(Enumerable.Repeat("kmkm", 600));
        var article = Catalan(giant);
        var translator = new FakeTranslator();
        Stage(translator).Process(article);

        Assert.Empty(translator.Received);
        Assert.Equal(giant, article.Text);
        Assert.Equal("ca", article.Language);
        Assert.Null(article.TranslatedFrom);
        Assert.Null(article.Original);
    }

    [Fact]
    public void ABackendStillBusyWhenTheTimeRunsOutIsStoppedAndTheArticleLeftAsItWas()
    {
        var article = Catalan("El gos menja pa.");
        article.Deadline = new Deadline(TimeSpan.Zero, "per-article");
        var translator = new FakeTranslator(waitForCancellation: true);

        var stopped = Assert.Throws<BudgetExceededException>(() => Stage(translator).Process(article));

        Assert.Contains("per-article time budget", stopped.Message, StringComparison.Ordinal);
        Assert.Equal("El gos menja pa.", article.Text);
        Assert.Null(article.Original);
    }

    [ApertiumFact]
    public void ApertiumBusyOnAGiantWordIsKilledWhenCancelledAndTheNextTranslationStartsAfresh()
    {
        using var apertium = ApertiumTranslator.Discover(TranslationRules.Load(RuleFiles.Embedded), out _)!;
        var giant = "Los EEUU " + string.Concat(Enumerable.Repeat("kmkm", 150_000));
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        Assert.ThrowsAny<OperationCanceledException>(() => apertium.Translate("es", [giant], soon.Token));

        Assert.Equal("The dog eats bread", Assert.Single(apertium.Translate("es", ["El perro come pan"])));
    }
}
