using System.Diagnostics;
using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;

namespace Normalize.Bench;

/// <summary>
/// What some stages (--added, default names and units; target --target percent) add to cleaning: ingest + the
/// whole pipeline over the seeds (../shared/seeds) repeated N times; every stage timed on its own for every
/// article, in wall time and in the thread's CPU time (which machine load inflates far less), with the bytes it
/// allocates. Corpus writing is left out, so the share is an upper bound of the share of `normalize clean`.
/// With --clean, it measures what the issues ask literally: the published (ReadyToRun) Release CLI's `clean` (index included) over the
/// seeds repeated N times, all stages against all but the added ones, runs alternating, medians compared.
/// Usage: stage-cost [--added names,units] [--target 20] [--repeat 1000] [--warmup 200]
///      | stage-cost --clean [--added names,units] [--target 20] [--repeat 1000] [--runs 3] [--jobs N]
/// </summary>
public static class StageCostRunner
{
    public static int Run(string[] args)
    {
        var seeds = SharedData.Require("seeds");
        if (seeds is null)
        {
            return 0;
        }

        var repeat = BenchProcess.IntArg(args, "--repeat", 1000);
        var addedIndex = Array.IndexOf(args, "--added");
        var added = addedIndex >= 0 && addedIndex + 1 < args.Length
            ? args[addedIndex + 1].Split(',', StringSplitOptions.RemoveEmptyEntries)
            : [StageNames.Names, StageNames.Units];
        if (added.FirstOrDefault(a => !StageNames.All.Contains(a)) is { } unknown)
        {
            Console.Error.WriteLine($"error: --added: '{unknown}' is not a stage ({string.Join(", ", StageNames.All)})");
            return 2;
        }

        var target = BenchProcess.IntArg(args, "--target", 20);
        var label = string.Join(" + ", added);
        if (args.Contains("--clean"))
        {
            return WholeClean(seeds, repeat, BenchProcess.IntArg(args, "--runs", 3), BenchProcess.IntArg(args, "--jobs", Environment.ProcessorCount), added, target);
        }

        var warmup = BenchProcess.IntArg(args, "--warmup", 200);
        var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        var builder = DefaultPipeline.CreateBuilder();
        var stages = builder.StageNamesInOrder
            .Select(name => DefaultPipeline.CreateBuilder().Only([name]).Build())
            .ToList();
        var names = builder.StageNamesInOrder.ToList();
        var reader = new InputReader();

        // Warm-up (rule tables, and the tiered JIT reaching optimised code, which takes long on a busy
        // machine), then the measured passes; every article goes through every stage in order, each
        // stage timed on its own, so machine load hits all of them alike.
        Measure(reader, files, stages, warmup, out _, out _, out _, out _, out _, out _, out _);
        var stageSeconds = Measure(reader, files, stages, repeat, out var ingestSeconds, out var articles, out var failed, out var ingestBytes, out var stageBytes, out var ingestCpu, out var stageCpu);

        Console.WriteLine($"Stage cost over {files.Count} seeds x {repeat} = {articles} articles after {warmup} warm-up rounds ({failed} skipped: a stage threw); load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"{"step",-14} {"seconds",8} {"ms/article",11} {"CPU ms/article",15} {"KB allocated/article",21}");
        Console.WriteLine(new string('-', 73));
        var perArticle = 1000.0 / Math.Max(1, articles);
        Console.WriteLine($"{"ingest",-14} {ingestSeconds,8:0.000} {ingestSeconds * perArticle,11:0.000} {ingestCpu * perArticle,15:0.000} {ingestBytes / 1024.0 / Math.Max(1, articles),21:0.0}");
        for (var i = 0; i < names.Count; i++)
        {
            Console.WriteLine($"{names[i],-14} {stageSeconds[i],8:0.000} {stageSeconds[i] * perArticle,11:0.000} {stageCpu[i] * perArticle,15:0.000} {stageBytes[i] / 1024.0 / Math.Max(1, articles),21:0.0}");
        }

        var addedIndexes = Enumerable.Range(0, names.Count).Where(i => added.Contains(names[i])).ToList();
        var addedSeconds = addedIndexes.Sum(i => stageSeconds[i]);
        var addedCpu = addedIndexes.Sum(i => stageCpu[i]);
        Console.WriteLine(new string('-', 36));
        Console.WriteLine($"{label} add {addedSeconds / (ingestSeconds + stageSeconds.Sum() - addedSeconds):P1} (wall), {addedCpu / (ingestCpu + stageCpu.Sum() - addedCpu):P1} (CPU) to ingest + the other stages (target <= {target}%)");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double[] Measure(InputReader reader, List<string> files, List<NormalizePipeline> stages, int repeat,
        out double ingestSeconds, out int articles, out int failed, out long ingestBytes, out long[] stageBytes,
        out double ingestCpu, out double[] stageCpu)
    {
        var ticks = new long[stages.Count];
        long ingestTicks = 0;
        ingestBytes = 0;
        stageBytes = new long[stages.Count];
        ingestCpu = 0;
        stageCpu = new double[stages.Count];
        articles = 0;
        failed = 0;
        for (var i = 0; i < repeat; i++)
        {
            foreach (var file in files)
            {
                var start = Stopwatch.GetTimestamp();
                var cpuStart = BenchProcess.ThreadCpuSeconds();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var results = reader.ReadFile(file).ToList();
                ingestTicks += Stopwatch.GetTimestamp() - start;
                ingestCpu += BenchProcess.ThreadCpuSeconds() - cpuStart;
                ingestBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                foreach (var article in results.OfType<IngestedArticle>().Select(r => r.Article))
                {
                    var stageTicks = new long[stages.Count];
                    var cpu = new double[stages.Count];
                    var bytes = new long[stages.Count];
                    try
                    {
                        for (var s = 0; s < stages.Count; s++)
                        {
                            var t = Stopwatch.GetTimestamp();
                            var c = BenchProcess.ThreadCpuSeconds();
                            var a = GC.GetAllocatedBytesForCurrentThread();
                            stages[s].Process(article);
                            stageTicks[s] = Stopwatch.GetTimestamp() - t;
                            cpu[s] = BenchProcess.ThreadCpuSeconds() - c;
                            bytes[s] = GC.GetAllocatedBytesForCurrentThread() - a;
                        }
                    }
                    catch (Exception ex) when (ex is System.Text.RegularExpressions.RegexMatchTimeoutException)
                    {
                        failed++;
                        continue;
                    }

                    articles++;
                    for (var s = 0; s < stages.Count; s++)
                    {
                        ticks[s] += stageTicks[s];
                        stageCpu[s] += cpu[s];
                        stageBytes[s] += bytes[s];
                    }
                }
            }
        }

        ingestSeconds = (double)ingestTicks / Stopwatch.Frequency;
        return ticks.Select(t => (double)t / Stopwatch.Frequency).ToArray();
    }

    private static int WholeClean(string seeds, int repeat, int runs, int jobs, string[] added, int target)
    {
        var root = BenchProcess.RepoRoot();
        var work = Path.Combine(Path.GetTempPath(), "normalize-stage-cost-" + Environment.ProcessId);
        // The published CLI (ReadyToRun), as users run it: start-up and rule loading count as they do for them.
        if (BenchProcess.PublishCli(root, Path.Combine(work, "cli")) is not { } cli)
        {
            return 1;
        }

        var input = Path.Combine(work, "in");
        var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < repeat; i++)
        {
            var folder = Path.Combine(input, $"{i:0000}");
            Directory.CreateDirectory(folder);
            foreach (var file in files)
            {
                // A distinct name per copy: the id comes from the file name, and a repeated id is an error.
                File.Copy(file, Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}-{i:0000}.txt"));
            }
        }

        var addedLabel = string.Join(" + ", added);
        var without = string.Join(',', StageNames.All.Where(s => !added.Contains(s)));
        var variants = new (string Label, string Stages)[] { ("all stages", string.Join(',', StageNames.All)), ($"without {addedLabel}", without) };
        var seconds = variants.ToDictionary(v => v.Label, _ => new List<double>());
        var cpuSeconds = variants.ToDictionary(v => v.Label, _ => new List<double>());
        Console.WriteLine($"`normalize clean` (published Release CLI, index on, --jobs {jobs}) over {files.Count} seeds x {repeat} = {files.Count * repeat} files, {runs} alternating runs, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("| run | stages | wall seconds | CPU seconds |");
        Console.WriteLine("| --- | --- | ---: | ---: |");
        for (var run = 1; run <= runs; run++)
        {
            foreach (var (label, stages) in variants)
            {
                var output = Path.Combine(work, "out");
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }

                var cpuBefore = BenchProcess.ChildrenCpuSeconds();
                var stopwatch = Stopwatch.StartNew();
                var code = BenchProcess.Exec("dotnet", $"\"{cli}\" clean \"{input}\" --out \"{output}\" --stages {stages} --jobs {jobs} --json", out var log);
                stopwatch.Stop();
                if (code != 0)
                {
                    Console.Error.WriteLine($"run {run} ({label}) failed (exit {code}): {log}");
                    return 1;
                }

                var cpu = BenchProcess.ChildrenCpuSeconds() - cpuBefore;
                seconds[label].Add(stopwatch.Elapsed.TotalSeconds);
                cpuSeconds[label].Add(cpu);
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"| {run} | {label} | {stopwatch.Elapsed.TotalSeconds:0.000} | {cpu:0.000} |"));
            }
        }

        var all = Median(seconds[variants[0].Label]);
        var baseline = Median(seconds[variants[1].Label]);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"median {all:0.000} s with {addedLabel}, {baseline:0.000} s without: they add {(all - baseline) / baseline:P1} to clean (target <= {target}%)"));
        var allCpu = Median(cpuSeconds[variants[0].Label]);
        var baselineCpu = Median(cpuSeconds[variants[1].Label]);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"median CPU {allCpu:0.000} s with {addedLabel}, {baselineCpu:0.000} s without: they add {(allCpu - baselineCpu) / baselineCpu:P1} of CPU time (the wall figure is only meaningful on an idle machine); load average {LoadAverage()}"));
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
