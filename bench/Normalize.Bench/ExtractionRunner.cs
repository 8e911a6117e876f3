using System.Diagnostics;
using System.Globalization;
using System.Text;
using Normalize.Core.Ingest.Html;

namespace Normalize.Bench;

/// <summary>
/// Main-content extraction quality and speed on ../shared/bench/extraction/&lt;set&gt;/*.html, scored
/// against &lt;id&gt;.txt with the metric of that folder's README (4-token shingles of Python-\w tokens;
/// precision averaged over non-empty predictions, recall over non-empty truths, F1 of the two means).
/// Usage: extraction [--set NAME]... [--out DIR] [--per-page] [--with-boilerplate] [--no-peers] [--no-model]
/// </summary>
public static class ExtractionRunner
{
    private const int TimedPasses = 5;

    private static readonly string[] DefaultSets = ["scrapinghub-aeb", "mozilla-readability-tests"];

    public static int Run(string[] args)
    {
        var sets = new List<string>();
        string? outDir = null;
        var perPage = false;
        var withBoilerplate = false;
        var runPeers = true;
        var useModel = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set" when i + 1 < args.Length:
                    sets.Add(args[++i]);
                    break;
                case "--out" when i + 1 < args.Length:
                    outDir = args[++i];
                    break;
                case "--per-page":
                    perPage = true;
                    break;
                case "--with-boilerplate":
                    withBoilerplate = true;
                    break;
                case "--no-peers":
                    runPeers = false;
                    break;
                case "--no-model":
                    useModel = false;
                    break;
                default:
                    Console.Error.WriteLine($"extraction: unknown argument '{args[i]}' (use --set NAME, --out DIR, --per-page, --with-boilerplate, --no-peers, --no-model)");
                    return 2;
            }
        }

        var root = SharedData.Require("bench/extraction");
        if (root is null)
        {
            return 0;
        }

        if (sets.Count == 0)
        {
            sets.AddRange(DefaultSets);
        }

        // --no-model: the rule-based body alone, to see what the block model costs and brings.
        var extractor = useModel ? HtmlExtractor.Default : new HtmlExtractor();
        var rows = new List<string[]>();
        var wordTables = new List<(string Set, List<DevPage> Pages, List<string> Predicted)>();
        var metadataTables = new List<(string Set, List<DevPage> Pages, List<HtmlExtraction?> Extractions)>();
        var ourSpeed = new Dictionary<string, (List<string> Pages, double PagesPerSecond)>();
        long totalPages = 0;
        var totalTime = TimeSpan.Zero;
        var totalCpu = TimeSpan.Zero;
        foreach (var set in sets)
        {
            var folder = Path.Combine(root, set);
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"extraction: no set '{set}' under {root}");
                return 2;
            }

            var devPages = DevPages.Load(root, set);
            var pages = devPages.Select(p => p.HtmlPath).ToList();

            // A first pass is timed apart: it includes the JIT's warm-up, which a long batch pays once.
            var coldWatch = Stopwatch.StartNew();
            foreach (var page in devPages)
            {
                extractor.Extract(page.ReadHtml());
            }

            coldWatch.Stop();

            // Timed passes over pages already in memory; the fastest counts (the machine may be shared).
            var inMemory = devPages.Select(p => p.ReadHtml()).ToList();
            var elapsed = TimeSpan.MaxValue;
            var cpu = TimeSpan.MaxValue;
            for (var pass = 0; pass < TimedPasses; pass++)
            {
                var cpuBefore = ThreadCpu.Now();
                var watch = Stopwatch.StartNew();
                foreach (var bytes in inMemory)
                {
                    extractor.Extract(bytes);
                }

                watch.Stop();
                var cpuTime = ThreadCpu.Now() - cpuBefore;
                elapsed = watch.Elapsed < elapsed ? watch.Elapsed : elapsed;
                cpu = cpuTime < cpu ? cpuTime : cpu;
            }

            var scores = new List<PageScore>();
            var predictions = new List<string>();
            var metadata = new List<HtmlExtraction?>();
            for (var i = 0; i < pages.Count; i++)
            {
                var id = devPages[i].Id;
                var result = extractor.Extract(inMemory[i], devPages[i].Url);
                metadata.Add(result.Extraction);
                var predicted = result.Extraction?.Text ?? "";
                if (withBoilerplate && predicted.Length > 0)
                {
                    predicted = ThroughBoilerplateStage(id, predicted, result.Extraction!.Metadata.Title);
                }

                predictions.Add(predicted);
                var score = ShingleMetric.Score(devPages[i].Truth, predicted);
                scores.Add(score);
                if (perPage)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{set}\t{id}\tP={score.Precision:0.000}\tR={score.Recall:0.000}\tpred={score.PredictedShingles}\ttrue={score.TrueShingles}{(result.Error is null ? "" : "\t" + result.Error)}"));
                }

                if (outDir is not null)
                {
                    Directory.CreateDirectory(Path.Combine(outDir, set));
                    File.WriteAllText(Path.Combine(outDir, set, id + ".txt"), predicted, new UTF8Encoding(false));
                }
            }

            if (devPages.Any(p => p.With.Count > 0))
            {
                wordTables.Add((set, devPages, predictions));
                metadataTables.Add((set, devPages, metadata));
            }

            var aggregate = ShingleMetric.Aggregate(scores);
            ourSpeed[set] = (pages, pages.Count / elapsed.TotalSeconds);
            totalPages += pages.Count;
            totalTime += elapsed;
            rows.Add(
            [
                set, pages.Count.ToString(CultureInfo.InvariantCulture),
                scores.Count(s => s.PredictedShingles == 0).ToString(CultureInfo.InvariantCulture),
                F(aggregate.Precision), F(aggregate.Recall), F(aggregate.F1), F(aggregate.Accuracy),
                (pages.Count / elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture),
                (pages.Count / coldWatch.Elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture),
                ThreadCpu.Available ? (pages.Count / cpu.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) : "-",
            ]);
            totalCpu += cpu;
        }

        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.WriteLine("Main-content extraction (Normalize HtmlExtractor), single-threaded; pages/s = pages / extraction time (decode+parse+extract) fastest of 5 passes after a cold pass;");
        Console.WriteLine("cold = first pass, JIT warm-up included; cpu = pages / CPU time of the extracting thread (robust to a busy machine)");
        PrintTable(["set", "pages", "empty", "P", "R", "F1", "accuracy", "pages/s", "cold pages/s", "cpu pages/s"], rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all sets (fastest passes): {totalPages} pages in {totalTime.TotalSeconds:0.00} s = {totalPages / totalTime.TotalSeconds:0} pages/s wall, {(ThreadCpu.Available ? (totalPages / totalCpu.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) : "-")} pages/s thread CPU; peak working set {peakMb:0} MB (whole process)"));
        foreach (var (set, devPages, predicted) in wordTables)
        {
            Console.WriteLine();
            Console.WriteLine($"{set}: WCXB word metric (score_wcxb.py's rule) by page type");
            PrintWordTable(devPages, predicted);
        }

        foreach (var (set, devPages, extractions) in metadataTables)
        {
            Console.WriteLine();
            Console.WriteLine($"{set}: metadata exact-match rates over the pages whose ground truth has the field; page type (halves: see the metadata runner)");
            MetadataScore.PrintTable(devPages, extractions, [("articles", p => p.PageType == "article"), ("all pages", _ => true)]);
        }

        if (runPeers)
        {
            RunPeers(ourSpeed);
        }

        return 0;
    }

    /// <summary>The peers on the same pages; their pages/s is from their own per-page wall time (start-up excluded).</summary>
    private static void RunPeers(Dictionary<string, (List<string> Pages, double PagesPerSecond)> ours)
    {
        var rows = new List<string[]>();
        foreach (var peer in ExtractionPeers.Available())
        {
            foreach (var (set, (pages, ourPagesPerSecond)) in ours)
            {
                var results = peer.Run(pages);
                if (results is null)
                {
                    Console.Error.WriteLine($"peer {peer.Name} failed on {set}");
                    continue;
                }

                var scores = results.Select(r => ShingleMetric.Score(File.ReadAllText(Path.ChangeExtension(r.File, ".txt"), Encoding.UTF8), r.Text)).ToList();
                var aggregate = ShingleMetric.Aggregate(scores);
                var pagesPerSecond = results.Count / (results.Sum(r => r.Milliseconds) / 1000);
                rows.Add(
                [
                    peer.Name, set, scores.Count(s => s.PredictedShingles == 0).ToString(CultureInfo.InvariantCulture),
                    F(aggregate.Precision), F(aggregate.Recall), F(aggregate.F1),
                    pagesPerSecond.ToString("0.0", CultureInfo.InvariantCulture),
                    (ourPagesPerSecond / pagesPerSecond).ToString("0.0", CultureInfo.InvariantCulture) + "x",
                ]);
            }
        }

        if (rows.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Peers on the same pages (same metric); ours/peer = our wall pages/s above over the peer's");
            PrintTable(["peer", "set", "empty", "P", "R", "F1", "pages/s", "ours/peer"], rows, textColumns: 2);
        }
    }

    /// <summary>The product path: the text boilerplate stage after the extractor (untimed: it is not extraction).</summary>
    private static string ThroughBoilerplateStage(string id, string text, string? title)
    {
        var article = new Normalize.Core.Article(id, id, text) { Title = title, DetectTitleInText = false, BodyExtracted = true };
        BoilerplateStage.Value.Process(article);
        return article.Text;
    }

    private static readonly Lazy<Normalize.Core.Boilerplate.BoilerplateStage> BoilerplateStage =
        new(() => new Normalize.Core.Boilerplate.BoilerplateStage(Normalize.Core.Boilerplate.BoilerplateRules.Load(Normalize.Core.Rules.RuleFiles.Embedded)));

    /// <summary>score_wcxb.py's table: per page type (most pages first), then all; F1 of 'other' = mean over the non-article types.</summary>
    public static void PrintWordTable(IReadOnlyList<DevPage> pages, IReadOnlyList<string> predicted)
    {
        var scores = pages.Select((p, i) => (p.PageType, Score: WordMetric.Of(p, predicted[i]))).ToList();
        var rows = new List<string[]>();
        foreach (var group in scores.GroupBy(s => s.PageType).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.Add(WordRow(group.Key, group.Select(g => g.Score).ToList()));
        }

        var others = scores.Where(s => s.PageType != "article").GroupBy(s => s.PageType).Select(g => WordMetric.Mean(g.Select(x => x.Score).ToList())).ToList();
        if (others.Count > 1)
        {
            rows.Add(["mean of other types", others.Count.ToString(CultureInfo.InvariantCulture), F(others.Average(o => o.Precision)), F(others.Average(o => o.Recall)),
                F(others.Average(o => o.F1)), P(others.Average(o => o.With)), P(others.Average(o => o.Without))]);
        }

        rows.Add(WordRow("ALL", scores.Select(s => s.Score).ToList()));
        PrintTable(["type", "pages", "P", "R", "F1", "with", "without"], rows);

        static string[] WordRow(string name, List<WordMetric.Score> s)
        {
            var m = WordMetric.Mean(s);
            return [name, s.Count.ToString(CultureInfo.InvariantCulture), F(m.Precision), F(m.Recall), F(m.F1), P(m.With), P(m.Without)];
        }

        static string P(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);
    }

    public static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);

    public static void PrintTable(string[] header, List<string[]> rows, int textColumns = 1)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        Console.WriteLine("|" + string.Join("|", widths.Select((w, i) => i < textColumns ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row.Select((c, i) => i < textColumns ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |");
        }
    }
}

/// <summary>CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)); zero elsewhere.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux();

    public static TimeSpan Now()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTime, out var spec) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

/// <summary>Scores of one page: shingle counts and precision/recall (NaN when undefined).</summary>
public readonly record struct PageScore(int TruePositives, int PredictedShingles, int TrueShingles, bool Exact)
{
    public double Precision => PredictedShingles == 0 ? double.NaN : TruePositives / (double)PredictedShingles;
    public double Recall => TrueShingles == 0 ? double.NaN : TruePositives / (double)TrueShingles;
}

public readonly record struct AggregateScore(double Precision, double Recall, double F1, double Accuracy);

/// <summary>
/// The scrapinghub article-extraction-benchmark metric, as ../shared/bench/extraction/README.md defines it.
/// Tokens are maximal runs of what Python's <c>\w</c> matches on a str (letters, numbers, underscore),
/// classified per Unicode scalar; .NET's own <c>\w</c> differs (it takes combining marks and not Nl/No).
/// </summary>
public static class ShingleMetric
{
    private const int ShingleSize = 4;

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsNumber(rune) || rune.Value == '_')
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    public static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return shingles;
        }

        if (tokens.Count < ShingleSize)
        {
            shingles[string.Join('\u0001', tokens)] = 1;
            return shingles;
        }

        var array = tokens.ToArray();
        for (var i = 0; i + ShingleSize <= array.Length; i++)
        {
            var key = string.Join('\u0001', array, i, ShingleSize);
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    public static PageScore Score(string truth, string predicted)
    {
        var trueTokens = Tokens(truth);
        var predictedTokens = Tokens(predicted);
        var trueShingles = Shingles(trueTokens);
        var predictedShingles = Shingles(predictedTokens);
        var truePositives = predictedShingles.Sum(p => Math.Min(p.Value, trueShingles.GetValueOrDefault(p.Key)));
        return new PageScore(truePositives, predictedShingles.Values.Sum(), trueShingles.Values.Sum(), trueTokens.SequenceEqual(predictedTokens, StringComparer.Ordinal));
    }

    public static AggregateScore Aggregate(IReadOnlyList<PageScore> pages)
    {
        var precisions = pages.Where(p => p.PredictedShingles > 0).Select(p => p.Precision).ToList();
        var recalls = pages.Where(p => p.TrueShingles > 0).Select(p => p.Recall).ToList();
        var precision = precisions.Count == 0 ? double.NaN : precisions.Average();
        var recall = recalls.Count == 0 ? double.NaN : recalls.Average();
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var accuracy = pages.Count == 0 ? double.NaN : pages.Count(p => p.Exact) / (double)pages.Count;
        return new AggregateScore(precision, recall, f1, accuracy);
    }
}
