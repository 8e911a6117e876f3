using Normalize.Core.Learning;

namespace Normalize.Core.Boilerplate;

/// <summary>
/// Features of the lines (paragraphs) of a text dump for the line scorer: each line's shape, what the phrase
/// rules say of it, where it sits (head, tail, inside or outside the run of prose), its neighbours, runs of short
/// lines ("Most popular" lists), and repetition within the dump. All language-independent but the rule verdicts,
/// which come from the multilingual phrase packs.
/// </summary>
public static class LineFeatures
{
    /// <summary>A prose line: at least this many words and a sentence end.</summary>
    private const int ProseWords = 12;

    /// <summary>A short line: at most this many words and no sentence end.</summary>
    private const int ShortWords = 8;

    private const int Cap = 30;

    public static readonly string[] RuleClasses = ["line-rule", "breadcrumb", "dateline", "byline", "credit", "tail-marker", "related-prefix", "headline-like"];

    public static readonly string[] Names = BuildNames();

    private static string[] BuildNames()
    {
        var names = new List<string>(LineShape.Names);
        names.AddRange(RuleClasses.Select(r => "rule_" + r.Replace('-', '_')));
        names.AddRange(
        [
            "rel_index", "rel_chars_before", "log_index", "log_index_from_end", "log_lines", "repeats", "share_of_chars",
            "short_run", "prose_before", "prose_after", "inside_prose_span", "prose_chars_before", "prose_chars_after",
            "distance_to_longest",
        ]);
        foreach (var at in new[] { "prev2", "prev", "next", "next2" })
        {
            names.AddRange([at + "_log_chars", at + "_ends_sentence", at + "_rule", at + "_short"]);
        }

        return [.. names];
    }

    /// <summary>One row per line; <paramref name="rules"/> holds per line the rule classes that matched it (bit i = <see cref="RuleClasses"/>[i]).</summary>
    public static float[][] Describe(IReadOnlyList<string> lines, IReadOnlyList<int> rules)
    {
        var n = lines.Count;
        var shape = new float[n][];
        var words = new int[n];
        var prose = new bool[n];
        var isShort = new bool[n];
        var chars = new int[n];
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        var longest = 0;
        for (var i = 0; i < n; i++)
        {
            shape[i] = new float[LineShape.Count];
            LineShape.Fill(lines[i], shape[i]);
            words[i] = BoilerplateStage.CountWords(lines[i]);
            chars[i] = lines[i].Length;
            var endsSentence = shape[i][3] > 0;
            prose[i] = words[i] >= ProseWords && endsSentence;
            isShort[i] = words[i] <= ShortWords && !endsSentence;
            var key = lines[i].Trim().ToLowerInvariant();
            repeats[key] = repeats.GetValueOrDefault(key) + 1;
            if (chars[i] > chars[longest])
            {
                longest = i;
            }
        }

        var total = Math.Max(1, chars.Sum());
        var proseTotal = Math.Max(1, Enumerable.Range(0, n).Where(i => prose[i]).Sum(i => chars[i]));
        int firstProse = Array.IndexOf(prose, true), lastProse = Array.LastIndexOf(prose, true);
        var rows = new float[n][];
        int charsBefore = 0, proseBefore = 0, lastProseSeen = -1;
        var nextProse = new int[n];
        for (int i = n - 1, seen = -1; i >= 0; i--)
        {
            nextProse[i] = seen;
            if (prose[i])
            {
                seen = i;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var x = new float[Names.Length];
            shape[i].CopyTo(x, 0);
            var k = LineShape.Count;
            for (var r = 0; r < RuleClasses.Length; r++)
            {
                x[k++] = (rules[i] >> r & 1) == 1 ? 1 : 0;
            }

            x[k++] = n == 1 ? 0 : i / (float)(n - 1);
            x[k++] = charsBefore / (float)total;
            x[k++] = MathF.Log(1 + i);
            x[k++] = MathF.Log(n - i);
            x[k++] = MathF.Log(n);
            x[k++] = repeats[lines[i].Trim().ToLowerInvariant()] - 1;
            x[k++] = chars[i] / (float)total;
            var run = 0;
            if (isShort[i])
            {
                var a = i;
                while (a > 0 && isShort[a - 1])
                {
                    a--;
                }

                var b = i;
                while (b + 1 < n && isShort[b + 1])
                {
                    b++;
                }

                run = b - a + 1;
            }

            x[k++] = Math.Min(Cap, run);
            x[k++] = lastProseSeen < 0 ? Cap : Math.Min(Cap, i - lastProseSeen);
            x[k++] = nextProse[i] < 0 ? Cap : Math.Min(Cap, nextProse[i] - i);
            x[k++] = firstProse >= 0 && i >= firstProse && i <= lastProse ? 1 : 0;
            x[k++] = proseBefore / (float)proseTotal;
            x[k++] = 1 - (proseBefore + (prose[i] ? chars[i] : 0)) / (float)proseTotal;
            x[k++] = Math.Min(Cap, Math.Abs(i - longest));
            foreach (var j in new[] { i - 2, i - 1, i + 1, i + 2 })
            {
                var has = j >= 0 && j < n;
                x[k++] = has ? shape[j][0] : -1;
                x[k++] = has ? shape[j][3] : -1;
                x[k++] = has ? (rules[j] & 0x1F) != 0 ? 1 : 0 : -1;
                x[k++] = has ? isShort[j] ? 1 : 0 : -1;
            }

            rows[i] = x;
            charsBefore += chars[i];
            if (prose[i])
            {
                proseBefore += chars[i];
                lastProseSeen = i;
            }
        }

        return rows;
    }
}
