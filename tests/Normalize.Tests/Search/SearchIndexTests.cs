using System.Text.Json;
using Normalize.Core.Corpus;
using Normalize.Core.Search;
using Normalize.Tests.Support;

namespace Normalize.Tests.Search;

public class SearchIndexTests
{
    internal static CorpusRecord Record(string id, string? title, string text, string? date = null, string language = "en",
        string? url = null, string? translatedFrom = null, string? originalText = null)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["source"] = url ?? $"{id}.txt", ["url"] = url, ["title"] = title, ["date"] = date, ["authors"] = Array.Empty<string>(),
            ["language"] = language, ["translated_from"] = translatedFrom, ["text"] = text, ["original"] = originalText is null ? null : new Dictionary<string, object?> { ["language"] = translatedFrom, ["title"] = null, ["text"] = originalText },
        });
        return new CorpusRecord(id, url ?? $"{id}.txt", title, date, language, text, json);
    }

    internal static IReadOnlyList<string> Ids(SearchIndex index, string query, SearchFilter? filter = null, bool exact = false) =>
        index.Search(query, filter ?? new SearchFilter(Limit: 100), exact).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void ReindexingAnArticleReplacesIt()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.Upsert(Record("a", "Old title", "old words about shells"));
        index.Upsert(Record("a", "New title", "new words about drones"));
        Assert.Equal(1, index.Count());
        Assert.Empty(Ids(index, "shells"));
        Assert.Equal("New title", index.Search("drones").Hits.Single().Title);
    }

    [Fact]
    public void EnglishStemsFoldsAccentsAndRanksTitleMatchesFirst()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.BeginBatch();
        index.Upsert(Record("body", "Talks resume", "The shipment of missiles was delayed, officials said."));
        index.Upsert(Record("title", "Missiles shipped", "Officials confirmed the delivery."));
        index.Upsert(Record("accent", "Oekraïne report", "Bankers met in Zürich about Oekraïne."));
        index.Upsert(Record("news", "Evening", "The news was read at nine."));
        index.Upsert(Record("possessive", "Vote", "Russia's parliament voted."));
        index.CommitBatch();
        Assert.Equal(["title", "body"], Ids(index, "missile"));
        Assert.Equal(["accent"], Ids(index, "oekraine"));
        Assert.Equal(["accent"], Ids(index, "Zurich"));
        Assert.Empty(Ids(index, "new"));
        Assert.Equal(["news"], Ids(index, "news"));
        Assert.Equal(["possessive"], Ids(index, "russia"));
    }

    [Theory]
    [InlineData("de", "Die Häuser am Fluss brannten nieder.", "Haus")]
    [InlineData("nl", "De raketten werden gisteren afgevuurd.", "raket")]
    [InlineData("fr", "Les missiles ont été lancés hier.", "missile")]
    [InlineData("es", "Los misiles fueron lanzados ayer.", "misil")]
    [InlineData("it", "I missili sono stati lanciati ieri.", "missile")]
    [InlineData("pt", "Os foguetes foram lançados ontem.", "foguete")]
    [InlineData("ru", "Ракеты были запущены вчера.", "ракета")]
    [InlineData("ja", "北朝鮮がミサイルを発射した。", "朝鮮")]
    [InlineData("zh-Hans", "朝鲜发射了导弹。", "导弹")]
    public void EachLanguageIsAnalyzedByItsOwnAnalyzer(string language, string text, string query)
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.Upsert(Record("doc", null, text, language: language));
        index.Upsert(Record("other", null, "Something else entirely."));
        Assert.Equal(["doc"], Ids(index, query));
    }

    [Fact]
    public void TheOriginalTextOfATranslationIsSearchableInItsLanguage()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.Upsert(Record("t", "Shells", "The army fired shells.", translatedFrom: "de", originalText: "Die Armee feuerte Granaten ab."));
        Assert.Equal(["t"], Ids(index, "Granaten"));
        Assert.Equal(["t"], Ids(index, "text:Granate"));
        Assert.Empty(Ids(index, "title:Granaten"));
    }

    [Fact]
    public void SnippetsMarkTheMatchedWords()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.Upsert(Record("a", "T", "Ukraine burned through artillery shells at a high rate."));
        var hit = index.Search("\"artillery shells\"").Hits.Single();
        Assert.Contains("through **artillery** **shells** at", hit.MarkedSnippet());
    }

    [Fact]
    public void FiltersByDateAndLanguage()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.Upsert(Record("old", "T", "shells", "2023-12-23"));
        index.Upsert(Record("new", "T", "shells", "2024-04-02T05:28:00", "de"));
        index.Upsert(Record("undated", "T", "shells"));
        Assert.Equal(["new"], Ids(index, "shells", new SearchFilter(Since: "2024-01-01")));
        Assert.Equal(["new"], Ids(index, "shells", new SearchFilter(Since: "2024-04-02", Until: "2024-04-02")));
        Assert.Equal(["old"], Ids(index, "shells", new SearchFilter(Until: "2023-12-31")));
        Assert.Equal(["new"], Ids(index, "shells", new SearchFilter(Language: "de")));
        Assert.Equal(["new", "old"], Ids(index, "shells date:[2023-01-01 TO 2024-12-31]").Order());
        Assert.Equal(["new"], Ids(index, "shells date:[2024-04 TO 2024-04]"));
    }

    [Fact]
    public void QuerySyntaxIsLucenes()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.BeginBatch();
        index.Upsert(Record("title", "Korea talks", "Diplomats met in Geneva."));
        index.Upsert(Record("body", "Talks", "Officials from Korea and Russia met."));
        index.Upsert(Record("near", "Peninsula", "North and South Korea exchanged fire."));
        index.Upsert(Record("worse", "Outlook", "The outlook got worse and worse."));
        index.CommitBatch();
        Assert.Equal(["title"], Ids(index, "title:(korea OR russia)"));
        Assert.Equal(["body", "near", "title"], Ids(index, "korea").Order());
        Assert.Empty(Ids(index, "\"north korea\""));
        Assert.Equal(["near"], Ids(index, "\"north korea\"~3"));
        Assert.Equal(["body", "near", "title"], Ids(index, "kores~1").Order());
        Assert.Equal(["worse"], Ids(index, "wors*"));
        Assert.Equal(["body", "near"], Ids(index, "korea -title:korea").Order());
        Assert.Equal(["near"], Ids(index, "korea NOT (geneva OR russia)"));
    }

    [Theory]
    [InlineData("artillery AND")]
    [InlineData("(shells")]
    [InlineData("shells)")]
    [InlineData("\"artillery")]
    [InlineData("title:")]
    [InlineData("*")]
    [InlineData("nosuchfield:x")]
    [InlineData("-korea")]
    [InlineData("the")]
    [InlineData("")]
    [InlineData("date:[2024 TO")]
    [InlineData("a^^b")]
    public void BadQueriesGiveOneLineMessage(string query)
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        var result = index.Parse(query);
        Assert.Null(result.Query);
        Assert.NotNull(result.Error);
        Assert.DoesNotContain('\n', result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.Contains($"'{query}'", result.Error);
    }

    [Fact]
    public void ParsingRandomTextNeverThrows()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.Upsert(Record("a", "Korea", "Korea and Russia."));
        const string alphabet = "ab \"()[]{}:*?~^+-!&|\\/ANDORNOT1.,title:date:";
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var query = new string(Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var result = index.Parse(query);
            Assert.True(result.Query is not null || !string.IsNullOrEmpty(result.Error), query);
            Assert.DoesNotContain('\n', result.Error ?? "");
            if (result.Query is { } parsed)
            {
                index.Search(parsed, new SearchFilter());
            }
        }
    }

    [Fact]
    public void NamesAreFoundUnderAnySpellingUnlessExact()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.BeginBatch();
        index.Upsert(Record("shoigu", "Minister", "Sergei Shoigu visited Pyongyang."));
        index.Upsert(Record("kyiv", "Capital", "Air raid sirens sounded in Kyiv and Kharkiv."));
        index.Upsert(Record("zelensky", "Speech", "Volodymyr Zelenskyy spoke."));
        index.CommitBatch();
        Assert.Equal(["shoigu"], Ids(index, "Schoigu"));
        Assert.Equal(["shoigu"], Ids(index, "Sergej Schoigu"));
        Assert.Equal(["shoigu"], Ids(index, "Pjöngjang"));
        Assert.Equal(["kyiv"], Ids(index, "Kiew"));
        Assert.Equal(["kyiv"], Ids(index, "charkiw"));
        Assert.Equal(["zelensky"], Ids(index, "Selenskyj"));
        Assert.Empty(Ids(index, "Kiew", exact: true));
    }

    [Fact]
    public void FacetsCountEveryHitNotOnlyThePage()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.BeginBatch();
        for (var i = 0; i < 30; i++)
        {
            index.Upsert(Record($"a{i}", "T", "drones", $"2024-0{1 + (i % 3)}-10", i % 5 == 0 ? "de" : "en", $"https://{(i % 2 == 0 ? "a" : "b")}.example.org/{i}"));
        }

        index.CommitBatch();
        var results = index.Search("drones", new SearchFilter(Limit: 3) { Facets = true });
        Assert.Equal(30, results.Total);
        Assert.Equal(3, results.Hits.Count);
        Assert.Equal([("a.example.org", 15L), ("b.example.org", 15L)], results.Facets!.Sources.Select(c => (c.Value, c.Count)));
        Assert.Equal([("en", 24L), ("de", 6L)], results.Facets.Languages.Select(c => (c.Value, c.Count)));
        Assert.Equal([("2024-01", 10L), ("2024-02", 10L), ("2024-03", 10L)], results.Facets.Months.Select(c => (c.Value, c.Count)));
    }

    [Fact]
    public void SortsByDateAndPages()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.BeginBatch();
        index.Upsert(Record("mid", "T", "drones", "2024-02-01"));
        index.Upsert(Record("undated", "Drones", "drones drones"));
        index.Upsert(Record("late", "T", "drones", "2024-03-01"));
        index.Upsert(Record("early", "T", "drones", "2024-01-01"));
        index.CommitBatch();
        var byDate = new SearchFilter(Limit: 10) { Sort = SearchSort.Date };
        Assert.Equal(["late", "mid", "early", "undated"], Ids(index, "drones", byDate));
        Assert.Equal(["mid", "early"], Ids(index, "drones", byDate with { Limit = 2, Offset = 1 }));
    }

    /// <summary>Documents built on worker threads and added by another give the same index as records upserted one by one.</summary>
    [Fact]
    public void DocumentsBuiltOnOtherThreadsAreAddedWhole()
    {
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        var records = Enumerable.Range(0, 200).Select(i => Record($"a{i}", $"Title {i}", $"report number{i} on shells", $"2024-01-{1 + i % 28:D2}",
            url: $"https://host{i % 3}.example/a{i}")).ToList();
        var documents = records.AsParallel().Select(ArticleDocument.For).ToList();
        index.BeginBatch();
        foreach (var document in documents)
        {
            index.Upsert(document);
        }

        index.CommitBatch();
        Assert.Equal(200, index.Count());
        var hit = index.Search("number42", new SearchFilter(10) { Snippets = false }).Hits.Single();
        Assert.Equal(("a42", "Title 42", "2024-01-15", "https://host0.example/a42", "en"), (hit.Id, hit.Title, hit.Date, hit.Url, hit.Language));
        Assert.Equal(records[42].Json, index.GetRecord("a42"));
        Assert.Equal(67, index.Search("shells", new SearchFilter(1) { Source = "host1" }).Total);
    }

    /// <summary>Every record comes back byte for byte from the compressed stored fields, small or larger than a chunk.</summary>
    [Fact]
    public void StoredRecordsComeBackWholeFromAnyChunk()
    {
        using var dir = new TempDirectory();
        var path = dir.File("index.lucene");
        var random = new Random(5);
        var records = Enumerable.Range(0, 300).Select(i => Record($"r{i}", $"Title {i} ü", $"marker{i} " + string.Join(' ',
            Enumerable.Range(0, i == 150 ? 40_000 : random.Next(5, 900)).Select(w => $"w{random.Next(5000)}")))).ToList();
        using (var index = SearchIndex.Open(path, create: true))
        {
            index.BeginBatch();
            foreach (var record in records)
            {
                index.Upsert(record);
            }

            index.CommitBatch();
        }

        using var reader = SearchIndex.Open(path, create: false);
        Assert.All(records, r => Assert.Equal(r.Json, reader.GetRecord(r.Id)));
        var big = reader.Search("marker150").Hits.Single();
        Assert.Equal(("r150", "Title 150 ü"), (big.Id, big.Title));
        Assert.Contains(big.Snippet, p => p.Matched && p.Text == "marker150");
    }

    /// <summary>After a build the index is one segment (searches look each word up once), with every article in it.</summary>
    [Fact]
    public void MergingLeavesOneSegmentWithEveryArticle()
    {
        using var dir = new TempDirectory();
        var path = dir.File("index.lucene");
        using (var index = SearchIndex.Open(path, create: true))
        {
            for (var batch = 0; batch < 4; batch++)
            {
                index.BeginBatch();
                for (var i = 0; i < 25; i++)
                {
                    index.Upsert(Record($"b{batch}-{i}", "T", $"shells batch{batch}"));
                }

                index.CommitBatch();
            }

            index.BeginBatch();
            index.Delete("b0-0");
            index.MergeSegments();
            index.CommitBatch();
        }

        using var directory = Lucene.Net.Store.FSDirectory.Open(path);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        Assert.Single(reader.Leaves);
        using var merged = SearchIndex.Open(path, create: false);
        Assert.Equal(99, merged.Search("shells", new SearchFilter(1)).Total);
        Assert.Equal(25, merged.Search("batch3", new SearchFilter(1)).Total);
    }

    [Fact]
    public void AnUncommittedBatchLeavesTheIndexAsItWas()
    {
        using var dir = new TempDirectory();
        var path = dir.File("index.lucene");
        using (var index = SearchIndex.Open(path, create: true))
        {
            index.Upsert(Record("kept", "T", "shells"));
        }

        using (var index = SearchIndex.Open(path, create: true))
        {
            index.BeginBatch();
            index.Upsert(Record("lost", "T", "shells"));
            index.Delete("kept");
        }

        using var reopened = SearchIndex.Open(path, create: false);
        Assert.Equal(["kept"], Ids(reopened, "shells"));
    }

    [Fact]
    public void CommitsCarryTheirGenerationAndReadersSeeOnlyCommits()
    {
        using var dir = new TempDirectory();
        var path = dir.File("index.lucene");
        using var writer = SearchIndex.Open(path, create: true);
        Assert.Null(writer.CommittedGeneration);
        writer.BeginBatch();
        writer.Upsert(Record("a", "T", "shells"));
        writer.Upsert(Record("b", "T", "shells"));
        writer.CommitBatch("gen-1");

        writer.BeginBatch();
        writer.Delete("a");
        writer.Upsert(Record("c", "T", "shells"));
        using (var reader = SearchIndex.Open(path, create: false))
        {
            Assert.Equal("gen-1", reader.CommittedGeneration);
            Assert.Equal(["a", "b"], Ids(reader, "shells").Order());
        }

        writer.CommitBatch("gen-2");
        using (var reader = SearchIndex.Open(path, create: false))
        {
            Assert.Equal("gen-2", reader.CommittedGeneration);
            Assert.Equal(["b", "c"], Ids(reader, "shells").Order());
        }

        writer.BeginBatch();
        writer.DeleteAll();
        writer.Upsert(Record("d", "T", "shells"));
        writer.CommitBatch("gen-3");
        Assert.Equal(["d"], Ids(writer, "shells"));
        Assert.Equal("gen-3", writer.CommittedGeneration);
    }

    [Fact]
    public void OneWriterAtATime()
    {
        using var dir = new TempDirectory();
        var path = dir.File("index.lucene");
        using var writer = SearchIndex.Open(path, create: true);
        var error = Assert.Throws<SearchIndexException>(() => SearchIndex.Open(path, create: true));
        Assert.Contains("another process", error.Message);
    }

    [Fact]
    public void AFileThatIsNotAnIndexGivesAClearError()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("index.db", "not sqlite");
        var error = Assert.Throws<SearchIndexException>(() => SearchIndex.Open(path, create: false));
        Assert.Contains(path, error.Message);
        Assert.Contains("not a normalize index", error.Message);
        System.IO.Directory.CreateDirectory(dir.File("empty"));
        Assert.Contains("not a normalize index", Assert.Throws<SearchIndexException>(() => SearchIndex.Open(dir.File("empty"), create: false)).Message);
    }
}
