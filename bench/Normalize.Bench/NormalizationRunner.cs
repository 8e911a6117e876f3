using System.Globalization;
using System.Text.Json;
using Normalize.Core;
using Normalize.Core.Units;

namespace Normalize.Bench;

/// <summary>
/// Scores the annotator (the recogniser behind <c>normalize annotate</c> and the units stage) over
/// every file of shared/bench/normalization/ with the README's rule: exact span + value per suite and
/// family, and the span-only variant. Then the names table: the share of the extract's variants that
/// resolve to their entity. Usage: normalization [--predictions ANNOTATE.jsonl] [--dump PRED.jsonl] [--misses FILE]
/// --predictions scores the output of `normalize annotate --jsonl` (fed every bench file) instead of
/// running the annotator in process; --dump writes predictions in score.py's format for a cross-check.
/// </summary>
public static class NormalizationRunner
{
    public static int Run(string[] args)
    {
        var folder = SharedData.Require("bench/normalization");
        if (folder is null)
        {
            return 0;
        }

        string? dumpPath = null;
        string? missesPath = null;
        string? predictionsPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dump" when i + 1 < args.Length:
                    dumpPath = args[++i];
                    break;
                case "--misses" when i + 1 < args.Length:
                    missesPath = args[++i];
                    break;
                case "--predictions" when i + 1 < args.Length:
                    predictionsPath = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"normalization: unknown argument '{args[i]}'");
                    return 2;
            }
        }

        Dictionary<string, IReadOnlyList<BenchSpan>>? annotated = null;
        if (predictionsPath is not null)
        {
            if (!File.Exists(predictionsPath))
            {
                Console.Error.WriteLine($"normalization: {predictionsPath} does not exist");
                return 2;
            }

            annotated = ReadAnnotateOutput(predictionsPath);
        }

        using var dump = dumpPath is null ? null : new StreamWriter(dumpPath);
        using var misses = missesPath is null ? null : new StreamWriter(missesPath);
        var annotator = Annotator.Default;
        Console.WriteLine(annotated is null
            ? "Normalization bench (DEV), annotator over each case; exact = span + value, span = boundaries only"
            : $"Normalization bench (DEV), scoring {Path.GetFileName(predictionsPath)} (normalize annotate --jsonl); exact = span + value, span = boundaries only");
        Console.WriteLine();
        Console.WriteLine($"{"file",-40} {"cases",5} {"P",6} {"R",6} {"F1",6}   {"span P",6} {"span R",6} {"span F1",7}   {"F1 w/o dotnet_ns",16}");
        Console.WriteLine(new string('-', 110));
        var total = new Counts();
        var totalSpan = new Counts();
        foreach (var path in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var exact = new Counts();
            var spanOnly = new Counts();
            var supported = new Counts();
            var cases = 0;
            foreach (var c in NormalizationScorer.ReadFile(path))
            {
                cases++;
                var predictions = annotated is null ? Predict(annotator, c) : annotated.GetValueOrDefault(c.Id) ?? [];
                var (tp, fp, fn) = NormalizationScorer.ScoreCase(c, predictions, spanOnly: false);
                exact.Add(tp, fp, fn);
                spanOnly.Add(NormalizationScorer.ScoreCase(c, predictions, spanOnly: true));
                if (!c.DotnetNotSupported)
                {
                    supported.Add(tp, fp, fn);
                }

                dump?.WriteLine(JsonSerializer.Serialize(new { id = c.Id, spans = predictions.Select(ToJson) }));
                if (misses is not null && (fp > 0 || fn > 0))
                {
                    misses.WriteLine($"{c.File}\t{c.Input}\texpected: {string.Join(" | ", c.Spans.Select(Describe))}\tpredicted: {string.Join(" | ", predictions.Where(p => c.Families.Contains(p.Family!)).Select(Describe))}");
                }
            }

            total.Add(exact.Tp, exact.Fp, exact.Fn);
            totalSpan.Add(spanOnly.Tp, spanOnly.Fp, spanOnly.Fn);
            var rtNote = Path.GetFileName(path).StartsWith("recognizers-text", StringComparison.Ordinal) ? supported.F1.ToString("0.000", CultureInfo.InvariantCulture) : "";
            Console.WriteLine($"{Path.GetFileName(path),-40} {cases,5} {exact.P,6:0.000} {exact.R,6:0.000} {exact.F1,6:0.000}   {spanOnly.P,6:0.000} {spanOnly.R,6:0.000} {spanOnly.F1,7:0.000}   {rtNote,16}");
        }

        Console.WriteLine(new string('-', 110));
        Console.WriteLine($"{"all files (micro)",-40} {"",5} {total.P,6:0.000} {total.R,6:0.000} {total.F1,6:0.000}   {totalSpan.P,6:0.000} {totalSpan.R,6:0.000} {totalSpan.F1,7:0.000}");
        Console.WriteLine();
        PrintDurationRows(folder, annotator, annotated);
        return NamesEvaluation.Run(folder);
    }

    /// <summary>The annotator's spans in the bench's shape.</summary>
    public static IReadOnlyList<BenchSpan> Predict(Annotator annotator, BenchCase c)
    {
        // Each suite is scored by its own conventions (README "Conventions that differ"); `annotate --conventions` is the same.
        var context = AnnotationConventions.Apply(new AnnotationContext { Reference = AnnotationContext.ParseReference(c.ReferenceDatetime) }, c.Suite);
        var annotation = annotator.Annotate(c.Input, context);
        var spans = new List<BenchSpan>();
        foreach (var q in annotation.Quantities)
        {
            spans.Add(new BenchSpan(
                q.Start, q.End, q.Family, q.Family, q.Relative ?? Num(q.Value), q.Unit,
                Num(q.Range?.Min), Num(q.Range?.Max), q.Range?.MinInclusive, q.Range?.MaxInclusive, q.Range is not null,
                q.Family == "duration" ? Num(q.SiValue) : null, q.Qualifier, []));
        }

        foreach (var d in annotation.Dates)
        {
            spans.Add(new BenchSpan(d.Start, d.End, d.Family, "datetime", d.Grain == "set" ? "not resolved" : d.Iso, null, null, null, null, null, false, null, d.Qualifier, []));
        }

        return spans;
    }

    /// <summary>The duration family alone in the files that mix it with dates (Recognizers-Text's DateTimeModel).</summary>
    private static void PrintDurationRows(string folder, Annotator annotator, Dictionary<string, IReadOnlyList<BenchSpan>>? annotated)
    {
        foreach (var path in Directory.GetFiles(folder, "*datetime.jsonl").Order(StringComparer.Ordinal))
        {
            var exact = new Counts();
            var spanOnly = new Counts();
            foreach (var c in NormalizationScorer.ReadFile(path).Where(c => c.Families.Contains("duration")))
            {
                var durationOnly = c with { Families = ["duration"] };
                var predictions = annotated is null ? Predict(annotator, c) : annotated.GetValueOrDefault(c.Id) ?? [];
                exact.Add(NormalizationScorer.ScoreCase(durationOnly, predictions, spanOnly: false));
                spanOnly.Add(NormalizationScorer.ScoreCase(durationOnly, predictions, spanOnly: true));
            }

            if (exact.Tp + exact.Fp + exact.Fn == 0)
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(path) + " [duration]";
            Console.WriteLine($"{name,-40} {"",5} {exact.P,6:0.000} {exact.R,6:0.000} {exact.F1,6:0.000}   {spanOnly.P,6:0.000} {spanOnly.R,6:0.000} {spanOnly.F1,7:0.000}");
        }

        Console.WriteLine();
    }

    /// <summary>The lines of `normalize annotate --jsonl` by id, as bench spans.</summary>
    private static Dictionary<string, IReadOnlyList<BenchSpan>> ReadAnnotateOutput(string path)
    {
        var result = new Dictionary<string, IReadOnlyList<BenchSpan>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var spans = new List<BenchSpan>();
            foreach (var q in root.GetProperty("quantities").EnumerateArray())
            {
                var family = Text(q, "family");
                var range = q.TryGetProperty("range", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
                var hasRange = range.ValueKind == JsonValueKind.Object;
                spans.Add(new BenchSpan(
                    q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32(), family, family, Text(q, "relative") ?? Text(q, "value"), Text(q, "unit"),
                    hasRange ? Text(range, "min") : null, hasRange ? Text(range, "max") : null,
                    hasRange ? Flag(range, "min_inclusive") : null, hasRange ? Flag(range, "max_inclusive") : null, hasRange,
                    family == "duration" ? Text(q, "si_value") : null, Text(q, "qualifier"), []));
            }

            foreach (var d in root.GetProperty("dates").EnumerateArray())
            {
                spans.Add(new BenchSpan(d.GetProperty("start").GetInt32(), d.GetProperty("end").GetInt32(), Text(d, "family") ?? "datetime",
                    "datetime", Text(d, "iso"), null, null, null, null, null, false, null, Text(d, "qualifier"), []));
            }

            result[id.GetString()!] = spans;
        }

        return result;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static bool? Flag(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;

    private static string? Num(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static object ToJson(BenchSpan s) => new Dictionary<string, object?>
    {
        ["start"] = s.Start,
        ["end"] = s.End,
        ["family"] = s.Family,
        ["value"] = s.Value,
        ["unit_code"] = s.UnitCode,
        ["qualifier"] = s.Qualifier,
        ["range"] = s.HasRange ? new Dictionary<string, object?> { ["min"] = s.RangeMin, ["max"] = s.RangeMax, ["min_inclusive"] = s.MinInclusive, ["max_inclusive"] = s.MaxInclusive } : null,
        ["normalized"] = s.NormalizedValue is null ? null : new Dictionary<string, object?> { ["value"] = s.NormalizedValue, ["unit"] = "second" },
    };

    private static string Describe(BenchSpan s) =>
        $"[{s.Family}] '{s.Start}:{s.End}' {s.Value}{(s.UnitCode is null ? "" : " " + s.UnitCode)}{(s.HasRange ? $" ({s.RangeMin},{s.RangeMax})" : "")}{(s.NormalizedValue is null ? "" : " =" + s.NormalizedValue + "s")}";

    private sealed class Counts
    {
        public int Tp { get; private set; }
        public int Fp { get; private set; }
        public int Fn { get; private set; }

        public void Add(int tp, int fp, int fn)
        {
            Tp += tp;
            Fp += fp;
            Fn += fn;
        }

        public void Add((int Tp, int Fp, int Fn) counts) => Add(counts.Tp, counts.Fp, counts.Fn);

        public double P => Tp + Fp == 0 ? 1.0 : (double)Tp / (Tp + Fp);
        public double R => Tp + Fn == 0 ? 1.0 : (double)Tp / (Tp + Fn);
        public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
    }
}
