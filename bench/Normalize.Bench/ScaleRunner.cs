using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Normalize.Core.Diagnostics;

namespace Normalize.Bench;

/// <summary>
/// How `normalize clean` scales: generated text and HTML batches (JSONL, written and read as a stream,
/// so the input costs no memory) of each size, cleaned and indexed by the Release CLI with each --jobs;
/// per run wall time, articles/s, CPU, peak RSS, bytes allocated, GC share and JIT-compiled methods
/// (the CLI reports them itself, see RuntimeStats). Beside each size, a plain read-and-write of the same
/// articles (corpus.jsonl + one .txt each, same atomic writes) in the same run: the I/O limit.
/// Then start-up: `normalize --version` and a one-article clean, medians of several runs.
/// The CLI is published (ReadyToRun, as users get it) unless --cli names a normalize.dll. --baseline names
/// another build's normalize.dll (e.g. main's, published to a folder) to run right after each run, so
/// before and after meet the same machine load: on a shared machine CPU seconds drift with the load.
/// Usage: scale [--sizes 1000,10000,100000] [--kinds text,html] [--jobs 1,2] [--no-index] [--startup-runs 11] [--cli normalize.dll] [--baseline normalize.dll]
/// </summary>
public static class ScaleRunner
{
    public static int Run(string[] args)
    {
        var sizes = ListArg(args, "--sizes", "1000,10000").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var kinds = ListArg(args, "--kinds", "text,html");
        var jobs = ListArg(args, "--jobs", "1,2").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var withIndex = !args.Contains("--no-index");
        var startupRuns = BenchProcess.IntArg(args, "--startup-runs", 11);
        var baseline = StringArg(args, "--baseline");
        var root = BenchProcess.RepoRoot();
        var work = Path.Combine(Path.GetTempPath(), "normalize-scale-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var cli = StringArg(args, "--cli") ?? BenchProcess.PublishCli(root, Path.Combine(work, "cli"));
        if (cli is null)
        {
            return 1;
        }

        var paragraphs = SeedParagraphs(Path.Combine(root, "seeds"));
        Console.WriteLine($"scale: {Environment.ProcessorCount} cores, load average {LoadAverage()} at start, index {(withIndex ? "on" : "off")}, cli {cli}");
        Console.WriteLine();
        Console.WriteLine("| input | articles | run | wall s | articles/s | CPU s | CPU ms/article | peak RSS MB | alloc KB/article | GC pause share | JIT methods | CPU vs copy |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        try
        {
            foreach (var kind in kinds)
            {
                foreach (var size in sizes)
                {
                    var input = Path.Combine(work, $"{kind}-{size}.jsonl");
                    Generate(kind, size, paragraphs, input);
                    var copy = Measure(work, "dotnet", $"\"{typeof(ScaleRunner).Assembly.Location}\" scale-copy \"{input}\" \"{Path.Combine(work, "out")}\"");
                    if (copy is null)
                    {
                        return 1;
                    }

                    Print(kind, size, "read+write", copy, copy);
                    foreach (var j in jobs)
                    {
                        foreach (var (build, label) in baseline is null ? new[] { (cli, "") } : new[] { (cli, ""), (baseline, " (baseline)") })
                        {
                            var clean = Measure(work, "dotnet", $"\"{build}\" clean \"{input}\" --out \"{Path.Combine(work, "out")}\" {(withIndex ? "" : "--no-index")} --jobs {j} --json");
                            if (clean is null)
                            {
                                return 1;
                            }

                            Print(kind, size, $"clean --jobs {j}{label}", clean, copy);
                        }
                    }

                    File.Delete(input);
                }
            }

            Console.WriteLine();
            Startup(work, cli, startupRuns, paragraphs, "");
            if (baseline is not null)
            {
                Startup(work, baseline, startupRuns, paragraphs, " (baseline)");
            }

            Console.WriteLine();
            Console.WriteLine($"load average at end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Writes one generated batch for profiling by hand: scale-generate text|html COUNT FILE.jsonl</summary>
    public static int GenerateOnly(string[] args)
    {
        Generate(args[0], int.Parse(args[1], CultureInfo.InvariantCulture), SeedParagraphs(Path.Combine(BenchProcess.RepoRoot(), "seeds")), args[2]);
        return 0;
    }

    /// <summary>The plain read-and-write: each JSONL record's text to OUT/&lt;id&gt;.txt and a corpus.jsonl line.</summary>
    public static int Copy(string[] args)
    {
        var (input, output) = (args[0], args[1]);
        Directory.CreateDirectory(output);
        var corpusTemp = Path.Combine(output, ".corpus.jsonl.tmp");
        using (var corpus = new StreamWriter(corpusTemp, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            foreach (var line in File.ReadLines(input))
            {
                using var record = JsonDocument.Parse(line);
                var id = record.RootElement.GetProperty("id").GetString()!;
                var text = record.RootElement.TryGetProperty("text", out var t) ? t.GetString()! : record.RootElement.GetProperty("html").GetString()!;
                var path = Path.Combine(output, id + ".txt");
                File.WriteAllText(path + ".tmp", text, new UTF8Encoding(false));
                File.Move(path + ".tmp", path, overwrite: true);
                corpus.WriteLine(JsonSerializer.Serialize(new { id, text }));
            }
        }

        File.Move(corpusTemp, Path.Combine(output, "corpus.jsonl"), overwrite: true);
        RuntimeStats.WriteIfRequested();
        return 0;
    }

    private static RuntimeStats? Measure(string work, string file, string arguments)
    {
        var output = Path.Combine(work, "out");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var statsPath = Path.Combine(work, "stats.json");
        File.Delete(statsPath);
        var code = BenchProcess.Exec(file, arguments, out var log, new Dictionary<string, string> { [RuntimeStats.EnvironmentVariable] = statsPath });
        if (code != 0 || RuntimeStats.Read(statsPath) is not { } stats)
        {
            Console.Error.WriteLine($"{arguments} failed (exit {code}): {log}");
            return null;
        }

        return stats;
    }

    private static void Print(string kind, int size, string run, RuntimeStats stats, RuntimeStats copy) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {kind} | {size} | {run} | {stats.WallSeconds:0.00} | {size / stats.WallSeconds:0} | {stats.CpuSeconds:0.00} | {1000 * stats.CpuSeconds / size:0.000} | {stats.PeakRssBytes / 1048576.0:0} | {stats.AllocatedBytes / 1024.0 / size:0} | {stats.GcShare:0.0%} | {stats.JitMethods} | {stats.CpuSeconds / copy.CpuSeconds:0.0}x |"));

    /// <summary>Median wall time of `normalize --version` and of cleaning one article, each in a fresh process.</summary>
    private static void Startup(string work, string cli, int runs, IReadOnlyList<string> paragraphs, string label)
    {
        var one = Path.Combine(work, "one.txt");
        File.WriteAllText(one, string.Join("\n\n", paragraphs.Take(8)));
        Console.WriteLine("| start-up | median ms | median CPU ms | JIT methods |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, arguments) in new[]
        {
            ($"normalize --version{label}", $"\"{cli}\" --version"),
            ($"normalize clean one.txt --out DIR{label}", $"\"{cli}\" clean \"{one}\" --out \"{Path.Combine(work, "out")}\" --json"),
        })
        {
            var samples = new List<(double Wall, RuntimeStats Stats)>();
            for (var i = 0; i < runs; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var stats = Measure(work, "dotnet", arguments);
                stopwatch.Stop();
                if (stats is null)
                {
                    return;
                }

                samples.Add((stopwatch.Elapsed.TotalMilliseconds, stats));
            }

            var wall = samples.Select(s => s.Wall).Order().ElementAt(runs / 2);
            var cpu = samples.Select(s => s.Stats.CpuSeconds * 1000).Order().ElementAt(runs / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {wall:0} | {cpu:0} | {samples[^1].Stats.JitMethods} |"));
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> deterministic records to a JSONL file as a stream: each takes 6–12
    /// paragraphs of the seeds, a site (one of 40) whose chrome lines it repeats, and for HTML a page
    /// layout with navigation, related links and a footer.
    /// </summary>
    private static void Generate(string kind, int count, IReadOnlyList<string> paragraphs, string path)
    {
        var random = new Random(20261207);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        using var json = new Utf8JsonWriter(writer.BaseStream);
        var body = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var site = i % 40;
            var id = $"gen-{i:0000000}";
            var title = $"Generated headline number {i} about shipments";
            var n = random.Next(6, 13);
            body.Clear();
            if (kind == "html")
            {
                body.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | Site {site}</title></head><body>")
                    .Append(CultureInfo.InvariantCulture, $"<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">Business</a> <a href=\"/sport\">Sport</a></nav></header>")
                    .Append(CultureInfo.InvariantCulture, $"<main><article><h1>{title}</h1><p class=\"byline\">By Staff Writer {site}</p><time datetime=\"2024-03-03T09:15:00Z\">March 3, 2024</time>");
                for (var p = 0; p < n; p++)
                {
                    body.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(paragraphs[random.Next(paragraphs.Count)])).Append("</p>");
                }

                body.Append(CultureInfo.InvariantCulture, $"</article><aside><h2>Most popular</h2><ul><li><a href=\"/a/{i + 1}\">Other headline one</a></li><li><a href=\"/a/{i + 2}\">Other headline two</a></li></ul></aside></main>")
                    .Append(CultureInfo.InvariantCulture, $"<footer><p>© 2024 Site {site}. All rights reserved.</p><p>Subscribe to the Site {site} newsletter</p></footer></body></html>");
            }
            else
            {
                body.Append("Skip to content\n\n").Append(CultureInfo.InvariantCulture, $"Site {site} news: follow us on Telegram\n\n").Append("March 3, 2024 9:15 AM\n\n3 min read\n\n");
                for (var p = 0; p < n; p++)
                {
                    body.Append(paragraphs[random.Next(paragraphs.Count)]).Append("\n\n");
                }

                body.Append("Most popular\n\nOther headline one\n\nOther headline two\n");
            }

            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("url", $"https://site{site}.example.com/news/2024/03/03/{id}");
            if (kind == "text")
            {
                json.WriteString("title", title);
            }

            json.WriteString(kind, body.ToString());
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            writer.BaseStream.WriteByte((byte)'\n');
        }
    }

    private static List<string> SeedParagraphs(string seeds) =>
        Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split('\n'))
            .Select(p => p.Trim())
            .Where(p => p.Length > 60)
            .ToList();

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? StringArg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string[] ListArg(string[] args, string name, string fallback) =>
        (StringArg(args, name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
