namespace Normalize.Tests.Repair;

/// <summary>The artifacts ../shared/seeds/README.md lists are fixed or flagged as it says (seeds are read in place, never copied).</summary>
public sealed class SeedArtifactTests
{
    [RepairFact("seeds/000_dbb9c2a3873ac297.txt")]
    public void StrayWordIsRemovedAndQuotedNameKept()
    {
        var article = RepairFixtures.CleanSeed("000_dbb9c2a3873ac297.txt");

        Assert.Contains("has sent large quantities of ammunition", article.Text);
        Assert.DoesNotContain("large it quantities", article.Text);
        Assert.Contains("the \"Dnepr\" grouping of forces", article.Text);
        Assert.Contains(article.RepairChanges(), c => c.Rule == "stray-function-word");
    }

    [RepairFact("seeds/001_9b2b3ab430d4669c.txt")]
    public void TeaserCutParagraphIsFlagged()
    {
        var article = RepairFixtures.CleanSeed("001_9b2b3ab430d4669c.txt");

        Assert.Contains(article.Flags, f => f.Reason.StartsWith("teaser-cut", StringComparison.Ordinal) && f.Sentence.EndsWith("by a Russ…", StringComparison.Ordinal));
        Assert.Contains("by a Russ…", article.Text); // flagged, not rewritten
    }

    [RepairFact("seeds/002_95e202eaa5190d01.txt", dictionaries: false)]
    public void CreditLineSaysReporting()
    {
        var article = RepairFixtures.CleanSeed("002_95e202eaa5190d01.txt");

        var inCredits = article.Credits.Any(c => c.EndsWith("contributed reporting", StringComparison.Ordinal));
        var inText = article.Text.Contains("contributed reporting.", StringComparison.Ordinal);
        Assert.True(inCredits || inText, "credit line not repaired: " + string.Join(" | ", article.Credits));
        Assert.DoesNotContain(article.Credits, c => c.EndsWith("contributed report", StringComparison.Ordinal));
        Assert.DoesNotContain("contributed report.", article.Text);
    }

    [RepairFact("seeds/003_2919c026d9be4a40.txt", dictionaries: false)]
    public void ClauseJoinCapitalIsLoweredAndGarbledSentencesFlagged()
    {
        var article = RepairFixtures.CleanSeed("003_2919c026d9be4a40.txt");

        Assert.Contains("the US magazine Time citing the South Korean Ministry of Defense writes", article.Text);
        Assert.Contains(article.Flags, f => f.Sentence.Contains("Time citing the South Korean", StringComparison.Ordinal));
        Assert.Contains(article.Flags, f => f.Sentence.Contains("quotes UPI the South Korean defense minister", StringComparison.Ordinal));
        Assert.Contains("the US news agency quotes UPI the South Korean defense minister", article.Text); // flagged only
    }

    [RepairFact("seeds/004_5275b86dc4f92af4.txt")]
    public void DutchArtifactsAreRepairedAndGarbledSentencesFlagged()
    {
        var article = RepairFixtures.CleanSeed("004_5275b86dc4f92af4.txt");

        Assert.Contains("sanction-violations of North Korea monitored.", article.Text);
        Assert.Contains("North Korean ballistic missiles", article.Text);
        Assert.Contains("a UN panel", article.Text);
        Assert.DoesNotContain(" VN ", article.Text);
        Assert.Contains(article.Flags, f => f.Sentence.StartsWith("Last month gave North Korea first Ensure", StringComparison.Ordinal));
        Assert.Contains(article.Flags, f => f.Sentence.Contains("forbidden to receive UN member states to receive weapons", StringComparison.Ordinal));
        Assert.Contains("Last month gave North Korea first Ensure that", article.Text); // flagged, not rewritten
    }

    [RepairTheory("seeds/000_dbb9c2a3873ac297.txt")]
    [InlineData("000_dbb9c2a3873ac297.txt")]
    [InlineData("001_9b2b3ab430d4669c.txt")]
    [InlineData("002_95e202eaa5190d01.txt")]
    [InlineData("003_2919c026d9be4a40.txt")]
    [InlineData("004_5275b86dc4f92af4.txt")]
    public void RepairingRepairedSeedChangesNothing(string seed)
    {
        var article = RepairFixtures.CleanSeed(seed);

        var again = new Normalize.Core.Article(article.Id, article.Source, article.Text) { TranslatedFrom = article.TranslatedFrom };
        RepairFixtures.Stage().Process(again);
        Assert.Empty(again.RepairChanges());
        Assert.Equal(article.Text, again.Text);
    }
}
