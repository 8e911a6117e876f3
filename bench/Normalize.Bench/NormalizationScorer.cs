using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Normalize.Bench;

/// <summary>One span as the normalization bench writes it (expected) or as we predict it.</summary>
public sealed record BenchSpan(
    int Start, int End, string? Family, string? Type, string? Value, string? UnitCode,
    string? RangeMin, string? RangeMax, bool? MinInclusive, bool? MaxInclusive, bool HasRange,
    string? NormalizedValue, string? Qualifier, IReadOnlyList<string> AltValues);

public sealed record BenchCase(
    string Id, string Suite, string Category, string File, IReadOnlyList<string> Families, string MatchPolicy,
    string Input, string? ReferenceDatetime, IReadOnlyList<BenchSpan> Spans, bool DotnetNotSupported);

/// <summary>
/// The comparison rule of shared/bench/normalization/README.md ("How a scorer should compare"),
/// written to give the same counts as its score.py.
/// </summary>
public static partial class NormalizationScorer
{
    public static IEnumerable<BenchCase> ReadFile(string path)
    {
        var file = Path.GetFileName(path);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var spans = root.GetProperty("spans").EnumerateArray().Select(ReadSpan).ToList();
            var flags = root.TryGetProperty("flags", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
            var notSupported = flags.ValueKind == JsonValueKind.Object && flags.TryGetProperty("dotnet_not_supported", out var dn)
                && dn.ValueKind == JsonValueKind.True;
            yield return new BenchCase(
                root.GetProperty("id").GetString()!,
                root.GetProperty("suite").GetString()!,
                root.GetProperty("category").GetString()!,
                file,
                root.GetProperty("families").EnumerateArray().Select(e => e.GetString()!).ToList(),
                root.GetProperty("match_policy").GetString()!,
                root.GetProperty("input").GetString()!,
                Str(root, "reference_datetime"),
                spans,
                notSupported);
        }
    }

    private static BenchSpan ReadSpan(JsonElement s)
    {
        var hasRange = s.TryGetProperty("range", out var r) && r.ValueKind == JsonValueKind.Object;
        var normalized = s.TryGetProperty("normalized", out var n) && n.ValueKind == JsonValueKind.Object ? Str(n, "value") : null;
        var alts = s.TryGetProperty("alt_values", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList()
            : [];
        return new BenchSpan(
            s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32(), Str(s, "family"), Str(s, "type"),
            Str(s, "value"), Str(s, "unit_code"),
            hasRange ? Str(r, "min") : null, hasRange ? Str(r, "max") : null,
            hasRange ? Bool(r, "min_inclusive") : null, hasRange ? Bool(r, "max_inclusive") : null, hasRange,
            normalized, Str(s, "qualifier"), alts);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.GetRawText(),
        } : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;

    /// <summary>True positives, false positives and false negatives of one case.</summary>
    public static (int Tp, int Fp, int Fn) ScoreCase(BenchCase c, IReadOnlyList<BenchSpan> predictions, bool spanOnly, bool lenient = false)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var family in c.Families)
        {
            var expected = c.Spans.Where(s => s.Family == family).ToList();
            var predicted = predictions.Where(s => s.Family == family).ToList();
            if (c.MatchPolicy == "no_spans")
            {
                fp += predicted.Count;
                continue;
            }

            if (c.MatchPolicy == "full_input")
            {
                predicted = predicted.Where(s => s.Start == 0 && s.End == c.Input.Length).Take(1).ToList();
            }

            var used = new HashSet<int>();
            foreach (var e in expected)
            {
                var hit = -1;
                for (var j = 0; j < predicted.Count; j++)
                {
                    var p = predicted[j];
                    if (used.Contains(j) || p.Start != e.Start || p.End != e.End)
                    {
                        continue;
                    }

                    if (spanOnly || ValueMatch(e, p, lenient))
                    {
                        hit = j;
                        break;
                    }
                }

                if (hit < 0)
                {
                    fn++;
                }
                else
                {
                    used.Add(hit);
                    tp++;
                }
            }

            fp += predicted.Count - used.Count;
        }

        return (tp, fp, fn);
    }

    public static bool ValueMatch(BenchSpan e, BenchSpan p, bool lenient)
    {
        if (e.HasRange)
        {
            if (!p.HasRange || !NumEq(e.RangeMin, p.RangeMin) || !NumEq(e.RangeMax, p.RangeMax))
            {
                return false;
            }

            if (e.MinInclusive is not null && e.MinInclusive != p.MinInclusive)
            {
                return false;
            }

            if (e.MaxInclusive is not null && e.MaxInclusive != p.MaxInclusive)
            {
                return false;
            }
        }
        else if (e.Family == "datetime")
        {
            var candidates = new HashSet<string?> { CanonDt(e.Value) };
            foreach (var alt in e.AltValues)
            {
                candidates.Add(CanonDt(alt));
            }

            if (!candidates.Contains(CanonDt(p.Value)))
            {
                return false;
            }

            if (!lenient && !string.IsNullOrEmpty(e.Qualifier) && e.Qualifier != p.Qualifier)
            {
                return false;
            }
        }
        else if (e.Family == "duration")
        {
            if (!NumEq(e.NormalizedValue, p.NormalizedValue))
            {
                return false;
            }
        }
        else if (e.Type == "ordinal_relative")
        {
            if (e.Value != p.Value)
            {
                return false;
            }
        }
        else if (!NumEq(e.Value, p.Value))
        {
            return false;
        }

        if (e.UnitCode is not null && e.Family != "duration" && p.UnitCode != e.UnitCode)
        {
            var lenientOk = lenient && ((e.UnitCode == "$" && p.UnitCode == "USD") || (e.UnitCode == "£" && p.UnitCode == "GBP"));
            if (!lenientOk)
            {
                return false;
            }
        }

        return true;
    }

    private static bool NumEq(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (!decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
            || !decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var db))
        {
            return a == b;
        }

        return da == db || Math.Abs(da - db) <= Math.Abs(db) * 1e-9m;
    }

    public static string? CanonDt(string? s)
    {
        if (s is null)
        {
            return null;
        }

        if (s.Contains('/'))
        {
            return string.Join("/", s.Split('/').Select(part => part == ".." ? ".." : CanonDt(part)));
        }

        var m = DateTimePattern().Match(s);
        if (m.Success)
        {
            var g = m.Groups;
            var output = g[1].Value + (g[2].Success ? "-" + g[2].Value : "") + (g[3].Success ? "-" + g[3].Value : "");
            if (g[4].Success)
            {
                output += $"T{g[4].Value}:{(g[5].Success ? g[5].Value : "00")}" + (g[6].Success && g[6].Value != "00" ? ":" + g[6].Value : "");
            }

            return output;
        }

        m = TimePattern().Match(s);
        if (m.Success)
        {
            var g = m.Groups;
            return $"T{g[1].Value}:{(g[2].Success ? g[2].Value : "00")}" + (g[3].Success && g[3].Value != "00" ? ":" + g[3].Value : "");
        }

        return s;
    }

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2})(?::(\d{2}))?(?::(\d{2}))?)?$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^T?(\d{2})(?::(\d{2}))?(?::(\d{2}))?$")]
    private static partial Regex TimePattern();
}
