using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Normalize.Core.Search;
using Normalize.Tests.Support;

namespace Normalize.Tests.Search;

public class QueryPrunerTests
{
    /// <summary>Dropping the spellings an archive does not use changes no hit and no score, and leaves a much smaller query.</summary>
    [Fact]
    public void PruningKeepsEveryHitAndScore()
    {
        using var dir = new TempDirectory();
        var path = dir.File("index.lucene");
        using (var writer = SearchIndex.Open(path, create: true))
        {
            writer.BeginBatch();
            writer.Upsert(SearchIndexTests.Record("a", "Kyiv under fire", "Missiles hit Kyiv and Kharkiv; North Korea sent shells."));
            writer.Upsert(SearchIndexTests.Record("b", "Talks", "Officials in Kiev met envoys from the DPRK about missile deliveries."));
            writer.Upsert(SearchIndexTests.Record("c", "Markt", "In Kiew wurden Raketen gemeldet.", language: "de"));
            writer.Upsert(SearchIndexTests.Record("d", "Drones", "Sergei Shoigu inspected drones near Pyongyang.", language: "en"));
            writer.CommitBatch();
        }

        using var index = SearchIndex.Open(path, create: false);
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        foreach (var text in new[] { "Kiew", "\"north korea\"", "Nordkorea OR missile", "title:(kyiv OR talks) -drones", "Schoigu AND drones", "Kiew AND missile*", "korea~1" })
        {
            var query = index.Parse(text).Query!;
            var pruned = new QueryPruner(reader).Prune(query);
            Assert.Equal(Hits(searcher, query), Hits(searcher, pruned));
        }

        var kiew = index.Parse("Kiew").Query!;
        Assert.True(Clauses(new QueryPruner(reader).Prune(kiew)) * 4 < Clauses(kiew), $"{kiew} was not pruned");
    }

    private static List<(int Doc, float Score)> Hits(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 50).ScoreDocs.Select(d => (d.Doc, MathF.Round(d.Score, 5))).ToList();

    private static int Clauses(Query query) => query is BooleanQuery boolean ? boolean.Clauses.Sum(c => Clauses(c.Query)) : 1;
}
