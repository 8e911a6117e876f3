using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Core.Search;
using Normalize.Tests.Support;

namespace Normalize.Tests;

/// <summary>Reading, cleaning, serialising, writing and indexing on worker threads leave one ordered, identical output.</summary>
public class CleanJobTests
{
    private const string Promo = "Subscribe to our channel for more news";

    /// <summary>A mixed batch: text files, a JSONL feed of text and HTML records sharing a promo line, an empty file, a bad line.</summary>
    private static List<string> WriteBatch(TempDirectory dir)
    {
        for (var i = 0; i < 12; i++)
        {
            dir.Write($"in/site/a{i:00}.txt", $"Headline number {i}\n\nThe army said {i * 1000} shells arrived on Monday, March {1 + i} .\n\n{Promo}\n\nOfficials in Kiev said the deli veries of {i} km had stopped.\n");
        }

        dir.WriteBytes("in/site/empty.txt", []);
        var records = Enumerable.Range(0, 10).Select(i => i % 3 == 0
            ? $"{{\"id\":\"h{i}\",\"url\":\"https://example.org/h{i}\",\"html\":\"<html><head><title>Page {i}</title></head><body><article><h1>Page {i}</h1><p>The ministry said on Monday that {i} deliveries had resumed after a pause of several weeks.</p><p>{Promo}</p></article></body></html>\"}}"
            : $"{{\"id\":\"t{i}\",\"url\":\"https://example.org/t{i}\",\"title\":\"Report {i}\",\"text\":\"Report {i} says {i}0 drones flew over the region on Tuesday.\\n\\n{Promo}\"}}").ToList();
        records.Insert(5, "{not json");
        dir.Write("in/feed.jsonl", string.Join("\n", records) + "\n");
        return [dir.File("in/site"), dir.File("in/feed.jsonl")];
    }

    private static (CleanSummary Summary, List<string> Errors) Clean(List<string> inputs, string output, int parallelism, NormalizePipeline pipeline)
    {
        var errors = new List<string>();
        var job = new CleanJob
        {
            Inputs = inputs,
            Pipeline = pipeline,
            OutputDirectory = output,
            IndexPath = SearchIndex.DefaultPath(output),
            Parallelism = parallelism,
            ReportError = errors.Add,
        };
        return (job.Run(), errors);
    }

    private static string[] Snapshot(string output) =>
        Directory.GetFiles(output, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f))
            .Prepend(File.ReadAllText(Path.Combine(output, "corpus.jsonl")))
            .ToArray();

    [Fact]
    public void AnyNumberOfWorkersFinishingInAnyOrderWritesTheSameCorpusFilesAndIndex()
    {
        using var dir = new TempDirectory();
        var inputs = WriteBatch(dir);
        var sequential = Clean(inputs, dir.File("seq"), 1, DefaultPipeline.Create());
        // The first articles wait for later ones, so workers finish out of input order.
        var parallel = Clean(inputs, dir.File("par"), 4, DefaultPipeline.CreateBuilder().Use(new OutOfOrderStage()).Build());

        Assert.Equal(22, sequential.Summary.Written);
        Assert.Equal(sequential.Summary.Written, parallel.Summary.Written);
        Assert.Equal(sequential.Errors.Select(e => e.Replace(dir.File("seq"), "")), parallel.Errors.Select(e => e.Replace(dir.File("par"), "")));
        Assert.Equal(Snapshot(dir.File("seq")), Snapshot(dir.File("par")));
        // The repeated-line pass, counted on several threads, still finds the promo of each site.
        Assert.All(File.ReadAllLines(dir.File("par/corpus.jsonl")),
            line => Assert.DoesNotContain(Promo, System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()));
        using var seqIndex = SearchIndex.Open(dir.File("seq/index.lucene"), create: false);
        using var parIndex = SearchIndex.Open(dir.File("par/index.lucene"), create: false);
        Assert.Equal(22, parIndex.Count());
        foreach (var query in new[] { "drones", "deliveries", "shells", "Kyiv" })
        {
            Assert.Equal(
                seqIndex.Search(query, new SearchFilter(Limit: 50)).Hits.Select(h => h.Id).Order(StringComparer.Ordinal),
                parIndex.Search(query, new SearchFilter(Limit: 50)).Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TheIndexWrittenDuringTheRunIsCommittedWithTheCorpusAndOnlyThen()
    {
        using var dir = new TempDirectory();
        var inputs = WriteBatch(dir);
        Clean(inputs, dir.File("out"), 2, DefaultPipeline.Create());
        dir.Write("more/new.txt", "Headline\n\nA new report about drones over the port city on Friday.\n");

        // A run interrupted after its article was staged and handed to the index: nothing of it may show.
        using var cancel = new CancellationTokenSource();
        var job = new CleanJob
        {
            Inputs = [dir.File("more")],
            Pipeline = DefaultPipeline.Create(),
            OutputDirectory = dir.File("out"),
            IndexPath = SearchIndex.DefaultPath(dir.File("out")),
            Parallelism = 2,
            ReportProgress = progress =>
            {
                if (progress.Written > 0)
                {
                    cancel.Cancel();
                }
            },
        };
        Assert.ThrowsAny<OperationCanceledException>(() => job.Run(cancel.Token));

        using (var index = SearchIndex.Open(dir.File("out/index.lucene"), create: false))
        {
            Assert.Equal(22, index.Count());
            Assert.DoesNotContain(index.Search("port", new SearchFilter(Limit: 50)).Hits, h => h.Id == "new");
        }

        var added = Clean([dir.File("more")], dir.File("out"), 2, DefaultPipeline.Create());
        Assert.Equal(23, added.Summary.CorpusTotal);
        using var after = SearchIndex.Open(dir.File("out/index.lucene"), create: false);
        Assert.Equal(23, after.Count());
        Assert.Contains(after.Search("port", new SearchFilter(Limit: 50)).Hits, h => h.Id == "new");
    }

    /// <summary>Holds the batch's first articles until a later one has been cleaned.</summary>
    private sealed class OutOfOrderStage : IStage
    {
        private readonly ManualResetEventSlim _laterDone = new();

        public string Name => "out-of-order";

        public void Process(Article article)
        {
            if (article.Id is "a00" or "a01")
            {
                // A safety net, not a measure: the test must not hang if the window were smaller.
                _laterDone.Wait(TimeSpan.FromSeconds(30));
            }
            else if (article.Id == "a05")
            {
                _laterDone.Set();
            }
        }
    }
}
