using System.Diagnostics;
using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;

namespace Normalize.Bench;

/// <summary>
/// What the names and units stages add to cleaning: ingest + the whole pipeline over the seeds
/// (../shared/seeds) repeated N times; every stage timed on its own for every article
/// (each stage timed per article, with the bytes it allocates). Corpus writing is left out, so the share is an upper bound of
/// the share of `normalize clean`. With --clean, it measures what the issue asks literally: the Release
/// CLI's `clean` (index included) over the seeds repeated N times, all stages against all but names and
/// units, runs alternating, medians compared.
/// Usage: stage-cost [--repeat 1000] [--warmup 200] | stage-cost --clean [--repeat 1000] [--runs 3] [--jobs N]
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
        if (args.Contains("--clean"))
        {
            return WholeClean(seeds, repeat, BenchProcess.IntArg(args, "--runs", 3), BenchProcess.IntArg(args, "--jobs", Environment.ProcessorCount));
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
        Measure(reader, files, stages, warmup, out _, out _, out _, out _, out _);
        var stageSeconds = Measure(reader, files, stages, repeat, out var ingestSeconds, out var articles, out var failed, out var ingestBytes, out var stageBytes);

        Console.WriteLine($"Stage cost over {files.Count} seeds x {repeat} = {articles} articles after {warmup} warm-up rounds ({failed} skipped: a stage threw)");
        Console.WriteLine();
        Console.WriteLine($"{"step",-14} {"seconds",8} {"ms/article",11} {"KB allocated/article",21}");
        Console.WriteLine(new string('-', 58));
        Console.WriteLine($"{"ingest",-14} {ingestSeconds,8:0.000} {1000 * ingestSeconds / Math.Max(1, articles),11:0.000} {ingestBytes / 1024.0 / Math.Max(1, articles),21:0.0}");
        for (var i = 0; i < names.Count; i++)
        {
            Console.WriteLine($"{names[i],-14} {stageSeconds[i],8:0.000} {1000 * stageSeconds[i] / Math.Max(1, articles),11:0.000} {stageBytes[i] / 1024.0 / Math.Max(1, articles),21:0.0}");
        }

        var added = Enumerable.Range(0, names.Count).Where(i => names[i] is StageNames.Names or StageNames.Units).Sum(i => stageSeconds[i]);
        var baseline = ingestSeconds + stageSeconds.Sum() - added;
        Console.WriteLine(new string('-', 36));
        Console.WriteLine($"names + units add {added / baseline:P1} to ingest + the other stages (target <= 20%)");
        return 0;
    }

    private static double[] Measure(InputReader reader, List<string> files, List<NormalizePipeline> stages, int repeat,
        out double ingestSeconds, out int articles, out int failed, out long ingestBytes, out long[] stageBytes)
    {
        var ticks = new long[stages.Count];
        long ingestTicks = 0;
        ingestBytes = 0;
        stageBytes = new long[stages.Count];
        articles = 0;
        failed = 0;
        for (var i = 0; i < repeat; i++)
        {
            foreach (var file in files)
            {
                var start = Stopwatch.GetTimestamp();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var results = reader.ReadFile(file).ToList();
                ingestTicks += Stopwatch.GetTimestamp() - start;
                ingestBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                foreach (var article in results.OfType<IngestedArticle>().Select(r => r.Article))
                {
                    var stageTicks = new long[stages.Count];
                    var bytes = new long[stages.Count];
                    try
                    {
                        for (var s = 0; s < stages.Count; s++)
                        {
                            var t = Stopwatch.GetTimestamp();
                            var a = GC.GetAllocatedBytesForCurrentThread();
                            stages[s].Process(article);
                            stageTicks[s] = Stopwatch.GetTimestamp() - t;
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
                        stageBytes[s] += bytes[s];
                    }
                }
            }
        }

        ingestSeconds = (double)ingestTicks / Stopwatch.Frequency;
        return ticks.Select(t => (double)t / Stopwatch.Frequency).ToArray();
    }

    private static int WholeClean(string seeds, int repeat, int runs, int jobs)
    {
        var root = BenchProcess.RepoRoot();
        if (BenchProcess.BuildCli(root) is not { } cli)
        {
            return 1;
        }

        var work = Path.Combine(Path.GetTempPath(), "normalize-stage-cost-" + Environment.ProcessId);
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

        var without = string.Join(',', StageNames.All.Where(s => s is not (StageNames.Names or StageNames.Units)));
        var variants = new (string Label, string Stages)[] { ("all stages", string.Join(',', StageNames.All)), ("without names, units", without) };
        var seconds = variants.ToDictionary(v => v.Label, _ => new List<double>());
        var cpuSeconds = variants.ToDictionary(v => v.Label, _ => new List<double>());
        Console.WriteLine($"`normalize clean` (Release, index on, --jobs {jobs}) over {files.Count} seeds x {repeat} = {files.Count * repeat} files, {runs} alternating runs, {Environment.ProcessorCount} cores");
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
            $"median {all:0.000} s with names and units, {baseline:0.000} s without: they add {(all - baseline) / baseline:P1} to clean (target <= 20%)"));
        var allCpu = Median(cpuSeconds[variants[0].Label]);
        var baselineCpu = Median(cpuSeconds[variants[1].Label]);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"median CPU {allCpu:0.000} s with names and units, {baselineCpu:0.000} s without: they add {(allCpu - baselineCpu) / baselineCpu:P1} of CPU time (the wall figure is only meaningful on an idle machine)"));
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
