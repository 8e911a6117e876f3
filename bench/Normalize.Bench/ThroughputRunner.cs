using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Normalize.Bench;

/// <summary>
/// Whole-process throughput of `normalize clean`: generates N articles from the project's own
/// seeds/ (paragraphs recombined, chrome included), runs the Release build of the CLI on them K
/// times, and prints articles/s per run and the median.
/// Usage: throughput [--articles 3000] [--runs 5] [--index]
/// </summary>
public static class ThroughputRunner
{
    public static int Run(string[] args)
    {
        var articles = BenchProcess.IntArg(args, "--articles", 3000);
        var runs = BenchProcess.IntArg(args, "--runs", 5);
        var withIndex = args.Contains("--index");
        var root = BenchProcess.RepoRoot();
        if (BenchProcess.BuildCli(root) is not { } cli)
        {
            return 1;
        }

        var work = Path.Combine(Path.GetTempPath(), "normalize-throughput-" + Environment.ProcessId);
        var input = Path.Combine(work, "in");
        var bytes = Generate(Path.Combine(root, "seeds"), input, articles);
        Console.WriteLine($"{articles} generated articles ({bytes / 1024.0 / 1024.0:0.0} MB) from seeds/, {runs} runs, index {(withIndex ? "on" : "off")}, {Environment.ProcessorCount} cores");
        Console.WriteLine("| run | seconds | articles/s |");
        Console.WriteLine("| --- | ---: | ---: |");
        var rates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var output = Path.Combine(work, "out");
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            var stopwatch = Stopwatch.StartNew();
            var code = BenchProcess.Exec("dotnet", $"\"{cli}\" clean \"{input}\" --out \"{output}\" {(withIndex ? "" : "--no-index")} --json", out var log);
            stopwatch.Stop();
            if (code != 0)
            {
                Console.Error.WriteLine($"run {run} failed (exit {code}): {log}");
                return 1;
            }

            var rate = articles / stopwatch.Elapsed.TotalSeconds;
            rates.Add(rate);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {stopwatch.Elapsed.TotalSeconds:0.000} | {rate:0} |"));
        }

        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median: {rates[rates.Count / 2]:0} articles/s (whole process, start-up included)"));
        Directory.Delete(work, recursive: true);
        return 0;
    }

    /// <summary>Deterministic articles: each takes a headline, chrome and 6–12 paragraphs from the seed pool.</summary>
    private static long Generate(string seeds, string directory, int count)
    {
        var paragraphs = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n\n"))
            .SelectMany(block => block.Split('\n'))
            .Select(p => p.Trim())
            .Where(p => p.Length > 60)
            .ToList();
        Directory.CreateDirectory(directory);
        var random = new Random(20241122);
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            text.Append("Skip to content\n").Append(CultureInfo.InvariantCulture, $"Generated headline number {i} about shipments\n")
                .Append("March 3, 2024 9:15 AM\n3 min read\n\n");
            var n = random.Next(6, 13);
            for (var p = 0; p < n; p++)
            {
                text.Append(paragraphs[random.Next(paragraphs.Count)]).Append("\n\n");
            }

            text.Append("Most popular\n\nOther headline one\n\nOther headline two\n");
            var path = Path.Combine(directory, $"{i / 1000:000}", $"article-{i:000000}.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ToString());
            total += text.Length;
        }

        return total;
    }
}
