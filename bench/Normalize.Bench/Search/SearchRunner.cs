using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Normalize.Bench.Fts5;
using Normalize.Core.Corpus;
using Normalize.Core.Search;

namespace Normalize.Bench.Search;

/// <summary>
/// `search [--articles N] [--dir DIR] [--no-fts5] [--process-runs N] [--reuse|--reuse-index] [--build-only] [--cli normalize.dll]`: builds the
/// Lucene index of a generated archive (default 200,000 articles) and measures build speed, index size (by
/// file kind) and query latency per query type, in-process and as whole `normalize search` processes of the
/// published (ReadyToRun) CLI; the old SQLite FTS5 index is built and queried in the same run as the
/// baseline. --reuse keeps the corpus a previous run left in DIR, --reuse-index its index too (to measure
/// latency again when the machine is quieter).
/// </summary>
public static class SearchRunner
{
    private const int QueriesPerSet = 60;
    private const int Repeats = 3;

    public static int Run(string[] args)
    {
        var articles = IntArg(args, "--articles", 200_000);
        var processRuns = IntArg(args, "--process-runs", 15);
        var dir = Arg(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "normalize-search-bench");
        var withFts5 = !args.Contains("--no-fts5");
        var reuseIndex = args.Contains("--reuse-index");
        var reuse = reuseIndex || args.Contains("--reuse");
        var translation = SharedData.Require("bench/translation");
        if (translation is null)
        {
            return 0;
        }

        var english = File.ReadAllLines(Path.Combine(translation, "ntrex-dev.eng.txt")).Where(l => l.Length > 0).ToArray();
        var spanish = File.ReadAllLines(Path.Combine(translation, "ntrex-dev.spa.txt")).Where(l => l.Length > 0).ToArray();
        Console.WriteLine($"# search bench: {articles:N0} articles, {Environment.ProcessorCount} cores, load average before: {LoadAverage()}");

        var corpusPath = Path.Combine(dir, "corpus.jsonl");
        var lucenePath = Path.Combine(dir, SearchIndex.DefaultFolderName);
        var countPath = Path.Combine(dir, "articles.txt");
        reuse &= File.Exists(countPath) && File.ReadAllText(countPath).Trim() == articles.ToString(CultureInfo.InvariantCulture);
        reuseIndex &= reuse && Directory.Exists(lucenePath);
        if (!reuse && Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        if (!reuseIndex && Directory.Exists(lucenePath))
        {
            Directory.Delete(lucenePath, recursive: true);
        }

        Directory.CreateDirectory(dir);
        var generation = Stopwatch.StartNew();
        long textBytes = 0;
        if (!reuse)
        {
            using var writer = new StreamWriter(corpusPath);
            foreach (var line in new ArticleGenerator(english, spanish).Generate(articles))
            {
                writer.WriteLine(line);
            }
        }

        foreach (var line in File.ReadLines(corpusPath))
        {
            textBytes += System.Text.Encoding.UTF8.GetByteCount(CorpusRecord.Parse(line, out _)!.Text);
        }

        var corpusBytes = new FileInfo(corpusPath).Length;
        Console.WriteLine($"{(reuse ? "reused" : "generated")} {articles:N0} articles in {generation.Elapsed.TotalSeconds:F1} s: text {Mb(textBytes)}, corpus.jsonl {Mb(corpusBytes)}, {textBytes / articles:N0} B of text per article");

        var build = Stopwatch.StartNew();
        if (!reuseIndex)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            using (var index = SearchIndex.Open(lucenePath, create: true))
            {
                index.BeginBatch();
                CorpusIndexer.IndexLines(index, File.ReadLines(corpusPath), (_, error) => throw new InvalidOperationException(error));
                // As `normalize index` does after a build.
                index.MergeSegments();
                index.CommitBatch("bench");
            }

            var luceneBuild = build.Elapsed;
            var luceneCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var peakAfterLucene = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"lucene: built in {luceneBuild.TotalSeconds:F1} s = {articles / luceneBuild.TotalSeconds:N0} articles/s; peak working set {Mb(peakAfterLucene)}; {luceneCpu:F0} CPU-s = {articles / luceneCpu:N0} articles per CPU-second (what 2 free cores would double, less contention); load average {LoadAverage()}");
        }

        File.WriteAllText(countPath, articles.ToString(CultureInfo.InvariantCulture));

        var luceneBytes = DirectoryBytes(lucenePath);
        Console.WriteLine($"lucene: index {Mb(luceneBytes)} = {(double)luceneBytes / textBytes:F2}× text, {(double)luceneBytes / corpusBytes:F2}× corpus.jsonl; by file kind: {FileKinds(lucenePath, textBytes)}");

        if (args.Contains("--build-only"))
        {
            return 0;
        }

        var rows = new List<string[]>();
        using (var index = SearchIndex.Open(lucenePath, create: false))
        {
            var sets = QuerySets(index, english);
            foreach (var (name, queries) in sets)
            {
                Console.Error.WriteLine($"lucene: {name} ({queries.Count} queries, e.g. {queries.FirstOrDefault()})");
                rows.Add(Row("lucene", name, queries, q => LuceneQuery(index, q, new SearchFilter(10) { Snippets = false })));
                if (name.StartsWith("term", StringComparison.Ordinal) || name is "AND" or "phrase")
                {
                    rows.Add(Row("lucene", name + " +facets", queries, q => LuceneQuery(index, q, new SearchFilter(10) { Snippets = false, Facets = true })));
                }
            }

            foreach (var (name, queries) in sets.Where(s => s.Name is "term 1k-10k" or "AND" or "phrase"))
            {
                rows.Add(Row("lucene", name + " +snippets", queries, q => LuceneQuery(index, q, new SearchFilter(10))));
            }

            if (withFts5)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var ftsPath = Path.Combine(dir, "index.db");
                build.Restart();
                using (var fts = Fts5Index.Open(ftsPath, create: true))
                {
                    fts.BeginBatch();
                    foreach (var line in File.ReadLines(corpusPath))
                    {
                        fts.Upsert(CorpusRecord.Parse(line, out _)!);
                    }

                    fts.CommitBatch();
                }

                var ftsBuild = build.Elapsed;
                var ftsCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                var ftsBytes = new FileInfo(ftsPath).Length + (File.Exists(ftsPath + "-wal") ? new FileInfo(ftsPath + "-wal").Length : 0);
                Console.WriteLine($"fts5 (baseline): built in {ftsBuild.TotalSeconds:F1} s = {articles / ftsBuild.TotalSeconds:N0} articles/s; index {Mb(ftsBytes)} = {(double)ftsBytes / textBytes:F2}× text; {articles / ftsCpu:N0} articles per CPU-second");
                using var ftsIndex = Fts5Index.Open(ftsPath, create: false);
                foreach (var (name, queries) in sets.Where(s => !s.Name.StartsWith("fuzzy", StringComparison.Ordinal)))
                {
                    rows.Add(Row("fts5", name, queries, q =>
                    {
                        var parsed = Fts5QueryParser.Parse(q);
                        if (parsed.FtsQuery is not null)
                        {
                            ftsIndex.Search(parsed.FtsQuery, new Fts5Filter(10));
                        }
                    }));
                }
            }

            PrintTable(rows);
            WholeProcess(lucenePath, sets, processRuns, Arg(args, "--cli"), dir);
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static void LuceneQuery(SearchIndex index, string query, SearchFilter filter)
    {
        var parsed = index.Parse(query);
        if (parsed.Query is not null)
        {
            index.Search(parsed.Query, filter);
        }
    }

    /// <summary>Queries per type: single terms in four document-frequency bands, AND, phrase, prefix, fuzzy.</summary>
    private static List<(string Name, List<string> Queries)> QuerySets(SearchIndex index, string[] english)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(index.Path);
        using var reader = DirectoryReader.Open(directory);
        var analyzer = LanguageAnalysis.CreateIndexAnalyzer();
        var words = english.SelectMany(s => s.Split(' ')).Select(w => w.Trim('.', ',', '"', '\'', '(', ')', ':', ';', '?', '!'))
            .Where(w => w.Length > 2 && w.All(char.IsLetter)).Select(w => w.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)
            .Concat(Enumerable.Range(0, 200_000).Where(r => r % 97 == 0 || r < 300).Select(ArticleGenerator.Word)).ToList();
        var bands = new (string Name, int Low, int High)[] { ("term <100", 1, 100), ("term 100-1k", 100, 1000), ("term 1k-10k", 1000, 10_000), ("term ≥10k", 10_000, int.MaxValue) };
        var byBand = bands.ToDictionary(b => b.Name, _ => new List<string>());
        foreach (var word in words)
        {
            var term = Analyze(analyzer, word);
            if (term is null)
            {
                continue;
            }

            var df = reader.DocFreq(new Term("text_en", term));
            foreach (var band in bands)
            {
                if (df >= band.Low && df < band.High)
                {
                    byBand[band.Name].Add(word);
                }
            }
        }

        var random = new Random(7);
        List<string> Pick(List<string> from, int n) => from.OrderBy(_ => random.Next()).Take(n).ToList();
        var sets = bands.Select(b => (b.Name, Pick(byBand[b.Name], QueriesPerSet))).ToList();
        var mid = byBand["term 100-1k"].Concat(byBand["term 1k-10k"]).ToList();
        var common = byBand["term 1k-10k"].Concat(byBand["term ≥10k"]).ToList();
        sets.Add(("AND", Enumerable.Range(0, QueriesPerSet).Select(_ => $"{common[random.Next(common.Count)]} AND {mid[random.Next(mid.Count)]}").ToList()));
        sets.Add(("phrase", english.Select(s => s.Split(' ')).Where(w => w.Length > 4).OrderBy(_ => random.Next()).Take(QueriesPerSet)
            .Select(w => { var at = random.Next(w.Length - 2); return "\"" + string.Join(' ', w[at..(at + 2)]).Replace("\"", "") + "\""; }).ToList()));
        sets.Add(("prefix", Pick(mid.Where(w => w.Length >= 6).ToList(), QueriesPerSet).Select(w => w[..4] + "*").ToList()));
        sets.Add(("fuzzy", Pick(mid.Where(w => w.Length >= 5).ToList(), QueriesPerSet).Select(w => w + "~1").ToList()));
        return sets;
    }

    private static string? Analyze(Lucene.Net.Analysis.Analyzer analyzer, string word)
    {
        using var stream = analyzer.GetTokenStream("text_en", word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var result = stream.IncrementToken() ? term.ToString() : null;
        var more = stream.IncrementToken();
        stream.End();
        return more ? null : result;
    }

    /// <summary>
    /// Latency percentiles of <paramref name="queries"/> (each run <see cref="Repeats"/> times after a warm-up
    /// round): wall time, and the CPU time of the thread, which waiting for a core on a loaded machine does not inflate.
    /// </summary>
    private static string[] Row(string engine, string name, List<string> queries, Action<string> run)
    {
        foreach (var query in queries)
        {
            run(query); // warm up: JIT, page cache
        }

        var walls = new List<double>(queries.Count * Repeats);
        var cpus = new List<double>(queries.Count * Repeats);
        for (var r = 0; r < Repeats; r++)
        {
            foreach (var query in queries)
            {
                var cpu = BenchProcess.ThreadCpuSeconds();
                var watch = Stopwatch.StartNew();
                run(query);
                walls.Add(watch.Elapsed.TotalMilliseconds);
                cpus.Add((BenchProcess.ThreadCpuSeconds() - cpu) * 1000);
            }
        }

        walls.Sort();
        cpus.Sort();
        return [engine, name, queries.Count.ToString(CultureInfo.InvariantCulture), Ms(Percentile(walls, 50)), Ms(Percentile(walls, 90)), Ms(Percentile(walls, 99)),
            Ms(Percentile(cpus, 50)), Ms(Percentile(cpus, 90)), Ms(Percentile(cpus, 99))];
    }

    /// <summary>
    /// Whole `normalize search` processes of the published CLI, as users run it: the first run (which may
    /// build the names cache) apart, then wall and CPU time per run.
    /// </summary>
    private static void WholeProcess(string indexPath, List<(string Name, List<string> Queries)> sets, int runs, string? cli, string dir)
    {
        if (runs <= 0)
        {
            return;
        }

        cli ??= BenchProcess.PublishCli(BenchProcess.RepoRoot(), Path.Combine(dir, "cli"));
        if (cli is null)
        {
            return;
        }

        var queries = sets.SelectMany(s => s.Queries.Take(2)).ToList();
        var (firstWall, firstCpu) = RunSearch(cli, queries[0], indexPath);
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (wall, cpu) = RunSearch(cli, queries[i % queries.Count], indexPath);
            walls.Add(wall);
            cpus.Add(cpu);
        }

        walls.Sort();
        cpus.Sort();
        Console.WriteLine();
        Console.WriteLine($"whole process `dotnet normalize.dll search Q --index … --json` (published, ReadyToRun; snippets on; load average {LoadAverage()}): "
            + $"first run {Ms(firstWall)} ms ({Ms(firstCpu)} CPU ms); then {runs} runs: wall p50 {Ms(Percentile(walls, 50))} ms, p90 {Ms(Percentile(walls, 90))} ms, max {Ms(walls[^1])} ms; "
            + $"CPU p50 {Ms(Percentile(cpus, 50))} ms, p90 {Ms(Percentile(cpus, 90))} ms; `normalize --version` for scale: {Ms(RunVersion(cli))} ms wall");
    }

    /// <summary>One whole search process: wall and CPU milliseconds.</summary>
    private static (double Wall, double Cpu) RunSearch(string cli, string query, string indexPath)
    {
        var cpuBefore = BenchProcess.ChildrenCpuSeconds();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { cli, "search", query, "--index", indexPath, "--json" }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        var wall = watch.Elapsed.TotalMilliseconds;
        return (wall, (BenchProcess.ChildrenCpuSeconds() - cpuBefore) * 1000);
    }

    private static double RunVersion(string cli)
    {
        var walls = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            BenchProcess.Exec("dotnet", $"\"{cli}\" --version", out _);
            walls.Add(watch.Elapsed.TotalMilliseconds);
        }

        walls.Sort();
        return Percentile(walls, 50);
    }

    /// <summary>
    /// Bytes per Lucene file kind (.fdt stored fields, .tim/.tip terms, .doc postings, .pos positions, .nvd
    /// norms, .dvd doc values), compound files (.cfs) opened, as a share of the text.
    /// </summary>
    private static string FileKinds(string path, long textBytes)
    {
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        using var directory = Lucene.Net.Store.FSDirectory.Open(path);
        foreach (var file in directory.ListAll())
        {
            if (file.EndsWith(".cfs", StringComparison.Ordinal))
            {
                using var compound = new Lucene.Net.Store.CompoundFileDirectory(directory, file, Lucene.Net.Store.IOContext.READ_ONCE, false);
                foreach (var inner in compound.ListAll())
                {
                    Add(inner, compound.FileLength(inner));
                }
            }
            else if (!file.EndsWith(".cfe", StringComparison.Ordinal))
            {
                Add(file, directory.FileLength(file));
            }
        }

        return string.Join(", ", bytes.Where(k => k.Value * 1000 >= textBytes).OrderByDescending(k => k.Value)
            .Select(k => $"{k.Key} {Mb(k.Value)} ({(double)k.Value / textBytes:F3}×)"));

        void Add(string file, long length)
        {
            var kind = Path.GetExtension(file);
            kind = kind.Length > 0 ? kind : file;
            bytes[kind] = bytes.GetValueOrDefault(kind) + length;
        }
    }

    private static void PrintTable(List<string[]> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| engine | query type | queries | p50 ms | p90 ms | p99 ms | p50 CPU ms | p90 CPU ms | p99 CPU ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => $"{bytes / 1048576.0:F0} MB";

    private static long DirectoryBytes(string path) => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string? Arg(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        Arg(args, name) is { } value && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
