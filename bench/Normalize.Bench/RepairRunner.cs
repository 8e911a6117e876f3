using System.Globalization;
using System.Text.RegularExpressions;
using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;
using Normalize.Core.Repair;

namespace Normalize.Bench;

/// <summary>
/// Evaluates the repair stage (issue 4) on ../shared/bench:
/// (a) false positives: edits on human-written English (extraction/*/*.txt), per 10,000 words, typography apart;
/// (b) benefit on real MT output: chrF2 and BLEU of the ntrex Apertium outputs before and after repair;
/// (c) MQM: annotated Spelling/Punctuation/Grammar errors fixed or flagged; No-error rows changed.
/// Options: --show N prints up to N repair edits and flags of (a) for inspection; --dump DIR writes the
/// (b) hypotheses for checking the metrics against mtmetrics.py.
/// </summary>
public static partial class RepairRunner
{
    private static readonly string[] NtrexPairs = ["spa", "cat", "glg", "hrv"];

    private static readonly Dictionary<string, string> NtrexLanguage = new(StringComparer.Ordinal)
    {
        ["spa"] = "es", ["cat"] = "ca", ["glg"] = "gl", ["hrv"] = "hr",
    };

    public static int Run(string[] args)
    {
        var show = 0;
        string? dump = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--show" && i + 1 < args.Length)
            {
                show = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--dump" && i + 1 < args.Length)
            {
                dump = args[++i];
            }
            else
            {
                Console.Error.WriteLine($"repair: unknown argument '{args[i]}' (options: --show N, --dump DIR)");
                return 2;
            }
        }

        if (Dictionaries.System.Availability is { } warning)
        {
            Console.Error.WriteLine(warning);
        }

        var extraction = SharedData.Require("bench/extraction");
        var translation = SharedData.Require("bench/translation");
        if (extraction is null && translation is null)
        {
            return 0;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (extraction is not null)
        {
            FalsePositives(extraction, show);
            Console.Error.WriteLine($"(a) took {clock.Elapsed.TotalSeconds:0.0} s");
        }

        if (translation is not null)
        {
            clock.Restart();
            MtBenefit(translation, dump);
            Console.Error.WriteLine($"(b) took {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
            Mqm(translation);
            Console.Error.WriteLine($"(c) took {clock.Elapsed.TotalSeconds:0.0} s");
        }

        return 0;
    }

    private static NormalizePipeline Pipeline(params string[] stages) =>
        DefaultPipeline.CreateBuilder(new PipelineOptions { OnlyStages = stages }).Build();

    private static void FalsePositives(string folder, int show)
    {
        var pipeline = Pipeline(StageNames.Typography, StageNames.Repair);
        var files = Directory.GetFiles(folder, "*.txt", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(Path.GetDirectoryName(f)) == folder)
            .Order(StringComparer.Ordinal).ToList();
        long words = 0;
        var typography = 0;
        var repairByRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var flagsByReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var detected = 0;
        var shown = 0;
        foreach (var file in files)
        {
            var article = InputReader.FromPlainText(Path.GetFileNameWithoutExtension(file), file, File.ReadAllText(file));
            words += RepairText.Words(article.Text).Count;
            pipeline.Process(article);
            typography += article.Changes.Count(c => c.Stage == StageNames.Typography);
            foreach (var change in article.Changes.Where(c => c.Stage == StageNames.Repair))
            {
                repairByRule[change.Rule] = repairByRule.GetValueOrDefault(change.Rule) + 1;
                if (shown++ < show)
                {
                    Console.WriteLine($"  edit {Path.GetFileName(file)} {change.Rule}: '{change.Before}' -> '{change.After}'");
                }
            }

            foreach (var flag in article.Flags)
            {
                var reason = flag.Reason.Split(':')[0];
                flagsByReason[reason] = flagsByReason.GetValueOrDefault(reason) + 1;
                if (shown++ < show)
                {
                    Console.WriteLine($"  flag {Path.GetFileName(file)} {flag.Reason}: {flag.Sentence}");
                }
            }

            detected += article.TranslatedFrom is null ? 0 : 1;
        }

        var repair = repairByRule.Values.Sum();
        var per10K = (double x) => (x * 10000.0 / Math.Max(1, words)).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"(a) false positives on human-written English: {files.Count} texts, {words:N0} words (extraction/*/*.txt)");
        Console.WriteLine("| measure | count | per 10,000 words |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| repair edits (target 0) | {repair} | {per10K(repair)} |");
        foreach (var (rule, count) in repairByRule)
        {
            Console.WriteLine($"|   {rule} | {count} | {per10K(count)} |");
        }

        Console.WriteLine($"| typography edits (counted apart) | {typography} | {per10K(typography)} |");
        Console.WriteLine($"| repair flags (not edits) | {flagsByReason.Values.Sum()} | {per10K(flagsByReason.Values.Sum())} |");
        foreach (var (reason, count) in flagsByReason)
        {
            Console.WriteLine($"|   {reason} | {count} | {per10K(count)} |");
        }

        Console.WriteLine($"| texts given a translated_from | {detected} | |");
        Console.WriteLine();
    }

    private static void MtBenefit(string folder, string? dump)
    {
        var referencePath = Path.Combine(folder, "ntrex-dev.eng.txt");
        var docIdsPath = Path.Combine(folder, "ntrex-dev.docids.txt");
        if (!File.Exists(referencePath) || !File.Exists(docIdsPath))
        {
            Console.Error.WriteLine("skipped (b): ntrex-dev.eng.txt or ntrex-dev.docids.txt missing");
            return;
        }

        var references = ReadLines(referencePath);
        var docIds = ReadLines(docIdsPath);
        Console.WriteLine("(b) benefit on real MT output: ntrex-dev Apertium → English vs the English original, line-aligned; documents repaired as articles with translated_from set");
        Console.WriteLine("| pair | lines | chrF2 raw | chrF2 +typography | chrF2 +typography+repair | Δ chrF2 repair | BLEU raw | BLEU +typography | BLEU +typography+repair | Δ BLEU repair | repair edits | flags |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var pair in NtrexPairs)
        {
            var path = Path.Combine(folder, $"ntrex-dev.{pair}.apertium.en.txt");
            if (!File.Exists(path))
            {
                Console.WriteLine($"| {pair} | missing | | | | | | | | | | |");
                continue;
            }

            var raw = ReadLines(path);
            if (raw.Count != references.Count || docIds.Count != references.Count)
            {
                Console.WriteLine($"| {pair} | {raw.Count} lines vs {references.Count} references: not aligned | | | | | | | | | | |");
                continue;
            }

            var (typographyOnly, _, _) = RunDocuments(raw, docIds, NtrexLanguage[pair], Pipeline(StageNames.Typography));
            var (repaired, edits, flags) = RunDocuments(raw, docIds, NtrexLanguage[pair], Pipeline(StageNames.Typography, StageNames.Repair));
            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
                File.WriteAllLines(Path.Combine(dump, $"{pair}.typography.txt"), typographyOnly);
                File.WriteAllLines(Path.Combine(dump, $"{pair}.repair.txt"), repaired);
            }

            var c0 = MtMetrics.ChrF(raw, references);
            var c1 = MtMetrics.ChrF(typographyOnly, references);
            var c2 = MtMetrics.ChrF(repaired, references);
            var b0 = MtMetrics.Bleu(raw, references);
            var b1 = MtMetrics.Bleu(typographyOnly, references);
            var b2 = MtMetrics.Bleu(repaired, references);
            Console.WriteLine($"| {pair}-eng | {raw.Count} | {F(c0)} | {F(c1)} | {F(c2)} | {D(c2 - c1)} | {F(b0)} | {F(b1)} | {F(b2)} | {D(b2 - b1)} | {edits} | {flags} |");
        }

        Console.WriteLine();
    }

    /// <summary>Lines of one document become the paragraphs of one article; the output is split back into lines.</summary>
    private static (List<string> Lines, int Edits, int Flags) RunDocuments(
        List<string> lines, List<string> docIds, string language, NormalizePipeline pipeline)
    {
        var output = new List<string>(lines.Count);
        var edits = 0;
        var flags = 0;
        for (var start = 0; start < lines.Count;)
        {
            var end = start;
            while (end < lines.Count && docIds[end] == docIds[start])
            {
                end++;
            }

            var article = new Article(docIds[start], "ntrex", string.Join("\n\n", lines.Skip(start).Take(end - start)))
            {
                TranslatedFrom = language,
            };
            pipeline.Process(article);
            var paragraphs = article.Text.Split("\n\n");
            if (paragraphs.Length != end - start)
            {
                throw new InvalidOperationException($"{docIds[start]}: {end - start} lines became {paragraphs.Length} paragraphs");
            }

            output.AddRange(paragraphs);
            edits += article.Changes.Count(c => c.Stage == StageNames.Repair);
            flags += article.Flags.Count;
            start = end;
        }

        return (output, edits, flags);
    }

    private static void Mqm(string folder)
    {
        var path = Path.Combine(folder, "mqm-zhen-dev.tsv");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine("skipped (c): mqm-zhen-dev.tsv missing");
            return;
        }

        var lines = ReadLines(path);
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name);
        var (category, start, end, spanText, target) =
            (Column("category"), Column("span_start"), Column("span_end"), Column("span_text"), Column("target"));

        var typographyPipeline = Pipeline(StageNames.Typography);
        var repairPipeline = Pipeline(StageNames.Repair);
        var cache = new Dictionary<string, (string Typography, string Repair, List<Flag> Flags)>(StringComparer.Ordinal);
        var rows = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            var text = cells[target];
            if (!cache.TryGetValue(text, out var result))
            {
                var t = new Article("mqm", "mqm", text);
                typographyPipeline.Process(t);
                var r = new Article("mqm", "mqm", text);
                repairPipeline.Process(r);
                result = cache[text] = (t.Text, r.Text, r.Flags);
            }

            // [rows, typography touched span, repair touched span, repair flagged the span's sentence, repair changed the segment]
            var counts = rows.TryGetValue(cells[category], out var c) ? c : rows[cells[category]] = new int[5];
            counts[0]++;
            var spanStart = int.Parse(cells[start], CultureInfo.InvariantCulture);
            var spanEnd = int.Parse(cells[end], CultureInfo.InvariantCulture);
            var hasSpan = spanStart >= 0 && spanEnd >= spanStart && spanEnd <= text.Length && cells[Column("span_side")] == "target";
            if (hasSpan && Touches(text, result.Typography, spanStart, spanEnd))
            {
                counts[1]++;
            }

            if (hasSpan && Touches(text, result.Repair, spanStart, spanEnd))
            {
                counts[2]++;
            }

            if (hasSpan && result.Flags.Any(f => cells[spanText].Length > 0 && f.Sentence.Contains(cells[spanText], StringComparison.Ordinal)))
            {
                counts[3]++;
            }

            if (result.Repair != text)
            {
                counts[4]++;
            }
        }

        Console.WriteLine("(c) MQM (mqm-zhen-dev.tsv, WMT23 zh-en): per annotated error, whether a stage edited the span or repair flagged its sentence");
        Console.WriteLine("| category | rows | typography edited span | repair edited span | repair flagged | fixed or flagged by repair | segment changed by repair |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, c) in rows)
        {
            var fixedOrFlagged = name == "No-error" ? "" : $"{c[2] + c[3]}";
            var changed = name == "No-error" ? $"{c[4]} (target 0)" : $"{c[4]}";
            Console.WriteLine($"| {name} | {c[0]} | {c[1]} | {c[2]} | {c[3]} | {fixedOrFlagged} | {changed} |");
        }

        Console.WriteLine("(a span edited and flagged counts once in each column; 'fixed or flagged' adds them, so it can count a row twice)");
    }

    /// <summary>
    /// Whether the edits from <paramref name="before"/> to <paramref name="after"/> overlap the span: a
    /// word-level longest-common-subsequence diff; a word of <paramref name="before"/> outside the common
    /// subsequence, or a word inserted next to it, counts as edited.
    /// </summary>
    private static bool Touches(string before, string after, int spanStart, int spanEnd)
    {
        if (before == after)
        {
            return false;
        }

        var a = Regex.Matches(before, @"\S+").ToList();
        var b = Regex.Matches(after, @"\S+").Select(m => m.Value).ToList();
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i].Value == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var (x, y) = (0, 0);
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x].Value == b[y])
            {
                x++;
                y++;
                continue;
            }

            // An edit at word x of before (deleted or replaced), or an insertion before it.
            var at = x < a.Count ? a[x] : a[^1];
            if (at.Index < spanEnd && at.Index + at.Length > spanStart)
            {
                return true;
            }

            if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                y++;
            }
            else
            {
                x++;
            }
        }

        return false;
    }

    private static List<string> ReadLines(string path) =>
        File.ReadAllText(path).Replace("\r\n", "\n").TrimEnd('\n').Split('\n').ToList();

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    private static string D(double x) => (x >= 0 ? "+" : "") + x.ToString("0.00", CultureInfo.InvariantCulture);
}
