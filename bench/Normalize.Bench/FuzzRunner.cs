using System.Diagnostics;
using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;
using Normalize.Core.Search;
using Normalize.Core.Units;

namespace Normalize.Bench;

/// <summary>
/// Any input, no crash (issue 13 item 6): seeded malformed inputs from the project's seeds/ (and
/// ../shared seeds and extraction pages when present). Each input is read, cleaned and annotated in
/// process, timed alone; every batch also goes through the Release CLI's clean, index, search, diff
/// and annotate. Counts unhandled exceptions (a stage that threw, an "internal error" or a stack trace
/// from the CLI), lost batches (a CLI exit code other than 0/1, or a corpus short of its summary),
/// inputs over 2 s (wall and CPU time: the machine may be shared), and peak memory.
/// With --verbose each input's name and mutation is printed before it is processed (a hang names its
/// input) and its time after; with --stages every pipeline stage is timed on its own for every input.
/// With --dump N DIR it only writes input N of the run (and its annotate line) into DIR, to reproduce a failure.
/// Usage: fuzz [--inputs 10000] [--seed 1] [--batch 1000] [--verbose] [--stages] | fuzz [--seed 1] --dump N DIR
/// </summary>
public static class FuzzRunner
{
    private static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(2);

    public static int Run(string[] args)
    {
        var count = BenchProcess.IntArg(args, "--inputs", 10_000);
        var seed = BenchProcess.IntArg(args, "--seed", 1);
        var batchSize = BenchProcess.IntArg(args, "--batch", 1000);
        var verbose = args.Contains("--verbose");
        var timeStages = args.Contains("--stages");
        var root = BenchProcess.RepoRoot();
        var shared = SharedData.Find();
        var folders = new List<string> { Path.Combine(root, "seeds") };
        if (shared is not null)
        {
            folders.Add(Path.Combine(shared, "seeds"));
            folders.Add(Path.Combine(shared, "bench", "extraction"));
        }

        var seeds = FuzzInputs.LoadSeeds(folders);
        var dumpAt = Array.IndexOf(args, "--dump");
        if (dumpAt >= 0 && dumpAt + 2 < args.Length && int.TryParse(args[dumpAt + 1], out var wanted))
        {
            return Dump(new FuzzInputs(seeds, seed), wanted, args[dumpAt + 2]);
        }

        Console.WriteLine($"fuzz: {count} inputs from {seeds.Count} seed files (seed {seed}), batches of {batchSize}");
        var cli = BenchProcess.BuildCli(root);
        if (cli is null)
        {
            return 1;
        }

        var generator = new FuzzInputs(seeds, seed);
        var pipeline = DefaultPipeline.Create();
        var reader = new InputReader();
        var work = Path.Combine(Path.GetTempPath(), $"normalize-fuzz-{Environment.ProcessId}");
        var unhandled = new List<string>();
        var lostBatches = new List<string>();
        var slow = new List<string>();
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var slowCpu = 0;
        var total = Stopwatch.StartNew();
        try
        {
            for (var batchStart = 0; batchStart < count; batchStart += batchSize)
            {
                var batchDir = Path.Combine(work, $"batch{batchStart / batchSize:D3}");
                var inputDir = Path.Combine(batchDir, "in");
                Directory.CreateDirectory(inputDir);
                var annotateLines = new List<string>();
                for (var i = batchStart; i < Math.Min(count, batchStart + batchSize); i++)
                {
                    var input = generator.Next(i);
                    var path = Path.Combine(inputDir, input.Name);
                    File.WriteAllBytes(path, input.Bytes);
                    var line = generator.AnnotateLine(input);
                    annotateLines.Add(line);
                    if (verbose)
                    {
                        Console.Error.Write($"  {input.Name} {input.Bytes.Length} bytes ...");
                    }

                    var watch = Stopwatch.StartNew();
                    var cpuBefore = BenchProcess.ThreadCpuSeconds();
                    var failure = CleanAndAnnotate(reader, pipeline, path, line, timeStages ? Console.Error : null);
                    var cpu = BenchProcess.ThreadCpuSeconds() - cpuBefore;
                    watch.Stop();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    cpuTimes.Add(cpu * 1000);
                    if (failure is not null)
                    {
                        unhandled.Add($"{input.Name}: {failure}");
                    }

                    if (verbose)
                    {
                        Console.Error.WriteLine($" {watch.Elapsed.TotalMilliseconds:0} ms ({cpu * 1000:0} ms CPU)");
                    }

                    if (watch.Elapsed > SlowInput)
                    {
                        slow.Add($"{input.Name}: {watch.Elapsed.TotalSeconds:0.0} s ({cpu:0.0} s CPU)");
                    }

                    slowCpu += cpu > SlowInput.TotalSeconds ? 1 : 0;
                }

                File.WriteAllLines(Path.Combine(batchDir, "annotate.jsonl"), annotateLines);
                RunCliBatch(cli, batchDir, unhandled, lostBatches);
                Console.Error.WriteLine($"  {Math.Min(count, batchStart + batchSize)} inputs, {unhandled.Count} unhandled, {lostBatches.Count} lost batches, {slow.Count} slow ({total.Elapsed.TotalSeconds:0} s)");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        times.Sort();
        cpuTimes.Sort();
        var peakSelf = Process.GetCurrentProcess().PeakWorkingSet64;
        var peakChild = BenchProcess.ChildrenPeakRssBytes();
        Console.WriteLine();
        Console.WriteLine($"{"measure",-34} {"value",12}");
        Console.WriteLine($"{"inputs",-34} {count,12}");
        Console.WriteLine($"{"unhandled exceptions",-34} {unhandled.Count,12}");
        Console.WriteLine($"{"lost batches",-34} {lostBatches.Count,12}");
        Console.WriteLine($"{"inputs over 2 s (in process)",-34} {slow.Count,12}");
        Console.WriteLine($"{"inputs over 2 s of CPU (in process)",-34} {slowCpu,12}");
        Console.WriteLine($"{"median ms per input",-34} {times[times.Count / 2],12:0.0}");
        Console.WriteLine($"{"p99 ms per input",-34} {times[(int)(times.Count * 0.99)],12:0.0}");
        Console.WriteLine($"{"max ms per input",-34} {times[^1],12:0.0}");
        Console.WriteLine($"{"median / p99 / max CPU ms per input",-34} {$"{cpuTimes[cpuTimes.Count / 2]:0} / {cpuTimes[(int)(cpuTimes.Count * 0.99)]:0} / {cpuTimes[^1]:0}",12}");
        Console.WriteLine($"{"load average at the end (1 min)",-34} {LoadAverage(),12}");
        Console.WriteLine($"{"peak memory, in process (MB)",-34} {peakSelf / 1048576.0,12:0}");
        Console.WriteLine($"{"peak memory, largest CLI run (MB)",-34} {peakChild / 1048576.0,12:0}");
        Console.WriteLine($"{"total seconds",-34} {total.Elapsed.TotalSeconds,12:0}");
        foreach (var problem in unhandled.Concat(lostBatches).Concat(slow).Take(30))
        {
            Console.WriteLine($"  {problem}");
        }

        return unhandled.Count + lostBatches.Count + slow.Count == 0 ? 0 : 1;
    }

    /// <summary>Generates the run's inputs up to <paramref name="number"/> and writes that one (and its annotate line) into <paramref name="folder"/>.</summary>
    private static int Dump(FuzzInputs generator, int number, string folder)
    {
        for (var i = 0; i <= number; i++)
        {
            var input = generator.Next(i);
            var line = generator.AnnotateLine(input);
            if (i == number)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, input.Name), input.Bytes);
                File.WriteAllText(Path.Combine(folder, Path.GetFileNameWithoutExtension(input.Name) + ".annotate.jsonl"), line + "\n");
                Console.WriteLine(Path.Combine(folder, input.Name));
            }
        }

        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Reads, cleans and annotates one input; the exception that escaped, if any.</summary>
    /// <param name="stageLog">When set, each stage's time is written there as the stage ends.</param>
    private static string? CleanAndAnnotate(InputReader reader, NormalizePipeline pipeline, string path, string annotateLine, TextWriter? stageLog)
    {
        try
        {
            var read = Stopwatch.StartNew();
            foreach (var result in reader.ReadFile(path))
            {
                stageLog?.Write($" read {read.Elapsed.TotalMilliseconds:0} ms;");
                if (result is not IngestedArticle ingested)
                {
                    continue;
                }

                if (stageLog is null)
                {
                    pipeline.Process(ingested.Article);
                    continue;
                }

                ingested.Article.StripControlCharacters();
                foreach (var stage in pipeline.Stages)
                {
                    stageLog.Write($" {stage.Name}");
                    var watch = Stopwatch.StartNew();
                    stage.Process(ingested.Article);
                    stageLog.Write($" {watch.Elapsed.TotalMilliseconds:0} ms;");
                }

                read.Restart();
            }

            stageLog?.Write(" annotate");

            using var document = System.Text.Json.JsonDocument.Parse(annotateLine);
            var text = JsonStrings.Read(document.RootElement.GetProperty("input"), out _);
            var reference = AnnotationContext.ParseReference(document.RootElement.GetProperty("reference_datetime").GetString());
            var context = AnnotationConventions.Apply(new AnnotationContext { Reference = reference }, "duckling");
            Annotator.Default.Annotate(text, context);
            return null;
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]} at {ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Normalize.", StringComparison.Ordinal))?.Trim()}";
        }
    }

    private static void RunCliBatch(string cli, string batchDir, List<string> unhandled, List<string> lostBatches)
    {
        var name = Path.GetFileName(batchDir);
        var output = Path.Combine(batchDir, "out");
        var firstInput = Directory.EnumerateFiles(Path.Combine(batchDir, "in")).Order(StringComparer.Ordinal).First();

        // Where clean puts its index by default (the runner once searched a stale "index.db" and counted
        // the search's "no index" as a lost batch).
        var runs = new (string Verb, string Arguments)[]
        {
            ("clean", $"clean \"{Path.Combine(batchDir, "in")}\" --out \"{output}\" --json"),
            ("index", $"index \"{Path.Combine(output, "corpus.jsonl")}\" --index \"{Path.Combine(batchDir, "again.lucene")}\""),
            ("search", $"search \"the OR drones\" --index \"{SearchIndex.DefaultPath(output)}\" --json"),
            ("diff", $"diff \"{firstInput}\" --json"),
            ("annotate", $"annotate --jsonl --conventions duckling --file \"{Path.Combine(batchDir, "annotate.jsonl")}\""),
        };
        foreach (var (verb, arguments) in runs)
        {
            var code = BenchProcess.Exec("dotnet", $"\"{cli}\" {arguments}", out var log);
            foreach (var line in log.Split('\n').Where(l => l.Contains("Unhandled exception", StringComparison.Ordinal)
                || l.Contains("internal error", StringComparison.Ordinal) || l.Contains("cleaning failed", StringComparison.Ordinal)))
            {
                unhandled.Add($"{name} {verb}: {line.Trim()}");
            }

            if (code is not (0 or 1))
            {
                lostBatches.Add($"{name} {verb}: exit code {code}: {log.Split('\n').LastOrDefault(l => l.Length > 0)}");
            }

            if (verb == "clean" && code is 0 or 1)
            {
                // A fresh output: every article the summary counts as written is a line of corpus.jsonl.
                var summary = log.Split('\n').FirstOrDefault(l => l.StartsWith("{\"written\"", StringComparison.Ordinal));
                var corpusLines = File.Exists(Path.Combine(output, "corpus.jsonl")) ? File.ReadLines(Path.Combine(output, "corpus.jsonl")).Count() : 0;
                var written = summary is null ? -1 : System.Text.Json.JsonDocument.Parse(summary).RootElement.GetProperty("written").GetInt32();
                if (written != corpusLines)
                {
                    lostBatches.Add($"{name} clean: summary {summary ?? "(none)"} but {corpusLines} records in corpus.jsonl");
                }
            }
        }
    }
}
