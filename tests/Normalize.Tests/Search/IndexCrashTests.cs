using System.Diagnostics;
using Normalize.Core.Search;
using Normalize.Tests.Support;

namespace Normalize.Tests.Search;

public class IndexCrashTests
{
    /// <summary>A writer killed (SIGKILL) in the middle of indexing leaves the last commit whole and searchable.</summary>
    [Fact]
    public void KillingTheWriterLeavesTheLastCommitSearchable()
    {
        using var dir = new TempDirectory();
        var path = dir.File("index.lucene");
        using (var index = SearchIndex.Open(path, create: true))
        {
            index.BeginBatch();
            index.Upsert(SearchIndexTests.Record("before-1", "T", "shells"));
            index.Upsert(SearchIndexTests.Record("before-2", "T", "shells"));
            index.CommitBatch("g1");
        }

        var lines = Enumerable.Range(0, 20_000).Select(i =>
            $$"""{"id":"new-{{i}}","title":"Report {{i}}","text":"Artillery shells and drones, report number {{i}}, {{string.Join(' ', Enumerable.Repeat("filler words of a longer article", 8))}}"}""");
        var corpus = dir.Write("corpus.jsonl", string.Join('\n', lines));
        var cli = Path.Combine(AppContext.BaseDirectory, "normalize.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { cli, "index", corpus, "--index", path }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        // Kill it once it holds the write lock (it is writing), or whenever it got to.
        var watch = Stopwatch.StartNew();
        while (!process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60) && !File.Exists(Path.Combine(path, "write.lock")))
        {
            Thread.Sleep(20);
        }

        Thread.Sleep(Random.Shared.Next(50, 400));
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        using var reader = SearchIndex.Open(path, create: false);
        var count = reader.Count();
        Assert.True(count == 2 || count == 20_002, $"the index holds {count} articles: neither the old commit nor the new one");
        Assert.Contains("before-1", reader.Search("shells", new SearchFilter(Limit: 30_000) { Snippets = false }).Hits.Select(h => h.Id));
        Assert.Equal(count == 2 ? "g1" : null, reader.CommittedGeneration);

        // The next writer takes over the folder and finishes the job.
        using var writer = SearchIndex.Open(path, create: true);
        writer.Upsert(SearchIndexTests.Record("after", "T", "shells"));
        Assert.Equal(count + 1, writer.Count());
    }
}
