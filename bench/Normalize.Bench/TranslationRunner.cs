using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Normalize.Core.Rules;
using Normalize.Core.Translation;

namespace Normalize.Bench;

/// <summary>
/// The translate stage (issue 10) on ../shared/bench/translation (NTREX dev, one article per document):
/// (a) quality: the Release CLI's `clean --translate apertium` (and `--stages translate` alone, which must
///     equal the apertium command's own output) vs the English originals, chrF2 and BLEU, against the raw
///     Apertium files given there; line = paragraph, so scores are line-aligned as the raw ones;
/// (b) throughput of the Apertium backend alone: every dev document of the four pairs through
///     <see cref="ApertiumTranslator"/> with 2 threads, source words per second (process start included);
/// (c) `clean` on a 1,000-article mixed batch (English and the four languages, documents repeated with
///     distinct ids; repeats hit the run's translation cache as they would in a real batch), translate on vs
///     none, and on 1,000 English articles, auto vs none (what the stage adds when nothing needs translating).
/// Usage: translation [--runs 3] [--skip-throughput] | translation --throughput-only
/// </summary>
public static class TranslationRunner
{
    private static readonly (string File, string Language)[] Pairs = [("spa", "es"), ("cat", "ca"), ("glg", "gl"), ("hrv", "hr")];

    public static int Run(string[] args)
    {
        var folder = SharedData.Require("bench/translation");
        if (folder is null)
        {
            return 0;
        }

        using (var apertium = ApertiumTranslator.Discover(TranslationRules.Load(RuleFiles.Embedded), out var reason))
        {
            if (apertium is null)
            {
                Console.Error.WriteLine($"translation: skipped, {reason}");
                return 0;
            }
        }

        if (args.Contains("--throughput-only"))
        {
            Throughput(folder, File.ReadAllLines(Path.Combine(folder, "ntrex-dev.docids.txt")));
            return 0;
        }

        var root = BenchProcess.RepoRoot();
        if (BenchProcess.BuildCli(root) is not { } cli)
        {
            return 1;
        }

        var work = Path.Combine(Path.GetTempPath(), "normalize-translation-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var references = File.ReadAllLines(Path.Combine(folder, "ntrex-dev.eng.txt"));
            var docIds = File.ReadAllLines(Path.Combine(folder, "ntrex-dev.docids.txt"));
            Quality(cli, folder, work, references, docIds);
            if (!args.Contains("--skip-throughput"))
            {
                Throughput(folder, docIds);
                Batch(cli, folder, work, references, docIds, BenchProcess.IntArg(args, "--runs", 3));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static void Quality(string cli, string folder, string work, string[] references, string[] docIds)
    {
        Console.WriteLine("(a) NTREX dev, 497 lines in 31 documents (one article each), vs the English originals; nothing here is tuned on this data");
        Console.WriteLine("| pair | chrF2 raw apertium | chrF2 --stages translate | chrF2 clean --translate apertium (no boilerplate) | Δ chrF2 vs raw | BLEU raw | BLEU clean | Δ BLEU | marks left |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (file, language) in Pairs)
        {
            var source = File.ReadAllLines(Path.Combine(folder, $"ntrex-dev.{file}.txt"));
            var raw = File.ReadAllLines(Path.Combine(folder, $"ntrex-dev.{file}.apertium.en.txt"));
            var input = Path.Combine(work, $"{file}.jsonl");
            File.WriteAllLines(input, Documents(source, docIds).Select(d => JsonSerializer.Serialize(new
            {
                id = $"{file}-{d.Id}",
                lang = language,
                text = string.Join("\n\n", d.Lines),
            })));

            var translateOnly = CleanLines(cli, input, Path.Combine(work, file + "-t"), "--stages translate");
            // Boilerplate is left out: NTREX lines are all content, and it once takes a quote's last line for a byline.
            var cleaned = CleanLines(cli, input, Path.Combine(work, file + "-c"), "--stages translate,typography,repair,names,units");
            if (translateOnly is null || cleaned is null || cleaned.Count != references.Length || translateOnly.Count != references.Length)
            {
                Console.WriteLine($"| {file} | lines not aligned ({cleaned?.Count} / {translateOnly?.Count} vs {references.Length}) | | | | | | | |");
                continue;
            }

            var c0 = MtMetrics.ChrF(raw, references);
            var ct = MtMetrics.ChrF(translateOnly, references);
            var c1 = MtMetrics.ChrF(cleaned, references);
            var b0 = MtMetrics.Bleu(raw, references);
            var b1 = MtMetrics.Bleu(cleaned, references);
            var marks = cleaned.Sum(l => System.Text.RegularExpressions.Regex.Count(l, @"(?<![\p{L}\p{N}])[*#@]\p{L}"));
            Console.WriteLine($"| {file}-eng | {F(c0)} | {F(ct)} | {F(c1)} | {D(c1 - c0)} | {F(b0)} | {F(b1)} | {D(b1 - b0)} | {marks} |");
        }

        Console.WriteLine();
    }

    /// <summary>Runs `clean` on one JSONL file and returns the paragraphs of its records in order (one per source line).</summary>
    private static List<string>? CleanLines(string cli, string input, string output, string extra)
    {
        var code = BenchProcess.Exec("dotnet", $"\"{cli}\" clean \"{input}\" --out \"{output}\" --no-index --translate apertium {extra}", out var log);
        if (code != 0)
        {
            Console.Error.WriteLine($"clean {input} failed (exit {code}): {log}");
            return null;
        }

        return File.ReadLines(Path.Combine(output, "corpus.jsonl"))
            .SelectMany(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!.Split("\n\n"))
            .ToList();
    }

    private static void Throughput(string folder, string[] docIds)
    {
        var rules = TranslationRules.Load(RuleFiles.Embedded);
        var articles = Pairs.SelectMany(p => Documents(File.ReadAllLines(Path.Combine(folder, $"ntrex-dev.{p.File}.txt")), docIds)
            .Select(d => (p.Language, d.Lines))).ToList();
        var words = articles.Sum(a => a.Lines.Sum(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        Console.WriteLine($"(b) Apertium backend alone: {articles.Count} articles, {words:N0} source words, 2 threads, 4 pairs (one pipeline each), process start included");
        Console.WriteLine("| run | wall seconds | words/s (wall) | Apertium CPU seconds | words per CPU second | 2-core bound (2 × words per CPU s) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (var run = 1; run <= 2; run++)
        {
            // CPU of the Apertium programs (reaped descendants) tells the work apart from the machine's load.
            var cpuBefore = BenchProcess.ChildrenCpuSeconds();
            var clock = Stopwatch.StartNew();
            using (var apertium = ApertiumTranslator.Discover(rules, out _)!)
            {
                Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = 2 }, a => apertium.Translate(a.Language, a.Lines));
                clock.Stop();
            }

            var cpu = BenchProcess.ChildrenCpuSeconds() - cpuBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run} | {clock.Elapsed.TotalSeconds:0.00} | {words / clock.Elapsed.TotalSeconds:0} | {cpu:0.00} | {words / cpu:0} | {2 * words / cpu:0} |"));
        }

        Console.WriteLine($"target: >= 5,000 words/s on 2 cores (load average now {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}; wall figures are only meaningful on an idle machine)");
        Console.WriteLine();
    }

    private static void Batch(string cli, string folder, string work, string[] references, string[] docIds, int runs)
    {
        var english = Documents(references, docIds).ToList();
        var mixed = new List<string>();
        var sets = new List<(string Language, List<(string Id, List<string> Lines)> Docs)> { ("en", english) };
        sets.AddRange(Pairs.Select(p => (p.Language, Documents(File.ReadAllLines(Path.Combine(folder, $"ntrex-dev.{p.File}.txt")), docIds).ToList())));
        for (var i = 0; mixed.Count < 1000; i++)
        {
            var (language, docs) = sets[i % sets.Count];
            var doc = docs[i / sets.Count % docs.Count];
            mixed.Add(JsonSerializer.Serialize(new { id = $"m{i:0000}-{language}-{doc.Id}", lang = language, text = string.Join("\n\n", doc.Lines) }));
        }

        var englishOnly = Enumerable.Range(0, 1000).Select(i =>
        {
            var doc = english[i % english.Count];
            return JsonSerializer.Serialize(new { id = $"e{i:0000}-{doc.Id}", lang = "en", text = string.Join("\n\n", doc.Lines) });
        }).ToList();

        var mixedPath = Path.Combine(work, "mixed.jsonl");
        var englishPath = Path.Combine(work, "english.jsonl");
        File.WriteAllLines(mixedPath, mixed);
        File.WriteAllLines(englishPath, englishOnly);
        var mixedWords = mixed.Sum(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!.Split(' ').Length);

        Console.WriteLine($"(c) Release `clean` (index on, --jobs 2), fresh output (and cache) per run, {runs} alternating runs; medians");
        Console.WriteLine("| batch | --translate | wall seconds | CPU seconds | articles/s |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        var medians = new Dictionary<string, (double Wall, double Cpu)>();
        foreach (var (label, path, modes) in new[] { ("1,000 mixed (en, es, ca, gl, hr)", mixedPath, new[] { "apertium", "none" }), ("1,000 English", englishPath, new[] { "auto", "none" }) })
        {
            var walls = modes.ToDictionary(m => m, _ => new List<double>());
            var cpus = modes.ToDictionary(m => m, _ => new List<double>());
            for (var run = 0; run < runs; run++)
            {
                foreach (var mode in modes)
                {
                    var output = Path.Combine(work, "batch-out");
                    if (Directory.Exists(output))
                    {
                        Directory.Delete(output, recursive: true);
                    }

                    var cpuBefore = BenchProcess.ChildrenCpuSeconds();
                    var clock = Stopwatch.StartNew();
                    var code = BenchProcess.Exec("dotnet", $"\"{cli}\" clean \"{path}\" --out \"{output}\" --translate {mode} --jobs 2 --json", out var log);
                    clock.Stop();
                    if (code != 0)
                    {
                        Console.Error.WriteLine($"clean {label} --translate {mode} failed (exit {code}): {log}");
                        return;
                    }

                    walls[mode].Add(clock.Elapsed.TotalSeconds);
                    cpus[mode].Add(BenchProcess.ChildrenCpuSeconds() - cpuBefore);
                }
            }

            foreach (var mode in modes)
            {
                var wall = Median(walls[mode]);
                var cpu = Median(cpus[mode]);
                medians[$"{label}|{mode}"] = (wall, cpu);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {mode} | {wall:0.00} | {cpu:0.00} | {1000 / wall:0} |"));
            }
        }

        var mixedOn = medians["1,000 mixed (en, es, ca, gl, hr)|apertium"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mixed batch: {mixedWords:N0} words, {mixedWords / mixedOn.Wall:0} words/s through the whole `clean` with translation"));
        var on = medians["1,000 English|auto"];
        var off = medians["1,000 English|none"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all English: the translate stage adds {(on.Wall - off.Wall) / off.Wall:P1} wall, {(on.Cpu - off.Cpu) / off.Cpu:P1} CPU to clean (target <= 5%)"));
    }

    private static IEnumerable<(string Id, List<string> Lines)> Documents(string[] lines, string[] docIds)
    {
        for (var start = 0; start < lines.Length;)
        {
            var end = start;
            while (end < lines.Length && docIds[end] == docIds[start])
            {
                end++;
            }

            yield return (docIds[start], lines[start..end].ToList());
            start = end;
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    private static string D(double x) => (x >= 0 ? "+" : "") + x.ToString("0.00", CultureInfo.InvariantCulture);
}
