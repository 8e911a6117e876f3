using Normalize.Core.Corpus;
using Normalize.Core.Search;
using Normalize.Tests.Support;

namespace Normalize.Tests.Search;

public class SearchIndexTests
{
    private static CorpusRecord Record(string id, string title, string text, string? date = null, string language = "en") =>
        new(id, $"{id}.txt", title, date, language, text, $$"""{"id":"{{id}}"}""");

    private static IReadOnlyList<SearchHit> Search(SearchIndex index, string query, SearchFilter? filter = null) =>
        index.Search(QueryParser.Parse(query).FtsQuery!, filter ?? new SearchFilter());

    [Fact]
    public void ReindexingAnArticleReplacesIt()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.db"), create: true);
        index.Upsert(Record("a", "Old title", "old words about shells"));
        index.Upsert(Record("a", "New title", "new words about drones"));
        Assert.Equal(1, index.Count());
        Assert.Empty(Search(index, "shells"));
        Assert.Equal("New title", Search(index, "drones").Single().Title);
    }

    [Fact]
    public void StemsFoldsDiacriticsAndRanksTitleMatchesFirst()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.db"), create: true);
        index.Upsert(Record("body", "Talks resume", "The shipment of missiles was delayed, officials said."));
        index.Upsert(Record("title", "Missiles shipped", "Officials confirmed the delivery."));
        index.Upsert(Record("accent", "Oekraïne report", "A report about Oekraïne."));
        Assert.Equal(["title", "body"], Search(index, "missile").Select(h => h.Id));
        Assert.Equal("accent", Search(index, "oekraine").Single().Id);
    }

    [Fact]
    public void SnippetsMarkTheMatchedWords()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.db"), create: true);
        index.Upsert(Record("a", "T", "Ukraine burned through artillery shells at a high rate."));
        var hit = Search(index, "\"artillery shells\"").Single();
        Assert.Contains("through **artillery shells** at", hit.MarkedSnippet());
    }

    [Fact]
    public void FiltersByDateAndLanguage()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.db"), create: true);
        index.Upsert(Record("old", "T", "shells", "2023-12-23"));
        index.Upsert(Record("new", "T", "shells", "2024-04-02T05:28:00", "de"));
        index.Upsert(Record("undated", "T", "shells"));
        Assert.Equal(["new"], Search(index, "shells", new SearchFilter(Since: "2024-01-01")).Select(h => h.Id));
        Assert.Equal(["new"], Search(index, "shells", new SearchFilter(Since: "2024-04-02", Until: "2024-04-02")).Select(h => h.Id));
        Assert.Equal(["old"], Search(index, "shells", new SearchFilter(Until: "2023-12-31")).Select(h => h.Id));
        Assert.Equal(["new"], Search(index, "shells", new SearchFilter(Language: "de")).Select(h => h.Id));
    }

    [Fact]
    public void AnUncommittedBatchLeavesTheIndexAsItWas()
    {
        using var dir = new TempDirectory();
        var path = dir.File("index.db");
        using (var index = SearchIndex.Open(path, create: true))
        {
            index.Upsert(Record("kept", "T", "shells"));
        }

        using (var index = SearchIndex.Open(path, create: true))
        {
            index.BeginBatch();
            index.Upsert(Record("lost", "T", "shells"));
        }

        using var reopened = SearchIndex.Open(path, create: false);
        Assert.Equal(["kept"], Search(reopened, "shells").Select(h => h.Id));
    }

    [Fact]
    public void AFileThatIsNotAnIndexGivesAClearError()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("index.db", "not sqlite");
        var error = Assert.Throws<SearchIndexException>(() => SearchIndex.Open(path, create: false));
        Assert.Contains(path, error.Message);
    }
}
