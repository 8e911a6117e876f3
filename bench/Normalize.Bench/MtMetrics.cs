using System.Text.RegularExpressions;

namespace Normalize.Bench;

/// <summary>
/// Corpus-level MT metrics, used only as before/after deltas on the same data.
/// chrF2: character n-grams of orders 1..6 over the text with all whitespace removed; per order,
/// precision and recall from clipped n-gram matches summed over the corpus; F-beta with beta = 2
/// (recall weighted 4×); the score is the mean of the per-order F over orders that have n-grams, × 100.
/// BLEU-4: 13a-like tokens (every character that is not a word character, whitespace or apostrophe
/// is its own token); clipped n-gram precisions for n = 1..4 summed over the corpus, geometric mean,
/// times the brevity penalty exp(1 − r/c) when the hypothesis is shorter (c ≤ r), × 100.
/// </summary>
public static partial class MtMetrics
{
    public static double ChrF(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references, int order = 6, double beta = 2.0)
    {
        var stats = new long[order, 3];
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var h = Whitespace().Replace(hypotheses[i], "");
            var r = Whitespace().Replace(references[i], "");
            for (var n = 1; n <= order; n++)
            {
                var hn = CharNgrams(h, n);
                var rn = CharNgrams(r, n);
                stats[n - 1, 0] += hn.Values.Sum();
                stats[n - 1, 1] += rn.Values.Sum();
                stats[n - 1, 2] += Overlap(hn, rn);
            }
        }

        var b2 = beta * beta;
        var total = 0.0;
        var effective = 0;
        for (var n = 0; n < order; n++)
        {
            var (nh, nr, nm) = (stats[n, 0], stats[n, 1], stats[n, 2]);
            if (nh == 0 || nr == 0)
            {
                continue;
            }

            var p = (double)nm / nh;
            var rc = (double)nm / nr;
            total += p + rc > 0 ? (1 + b2) * p * rc / (b2 * p + rc) : 0.0;
            effective++;
        }

        return 100.0 * total / Math.Max(1, effective);
    }

    public static double Bleu(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references, int order = 4)
    {
        var match = new long[order];
        var total = new long[order];
        long hypothesisLength = 0, referenceLength = 0;
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var ht = Tokenize(hypotheses[i]);
            var rt = Tokenize(references[i]);
            hypothesisLength += ht.Count;
            referenceLength += rt.Count;
            for (var n = 1; n <= order; n++)
            {
                match[n - 1] += Overlap(WordNgrams(ht, n), WordNgrams(rt, n));
                total[n - 1] += Math.Max(0, ht.Count - n + 1);
            }
        }

        if (match.Min() == 0)
        {
            return 0.0;
        }

        var logPrecision = Enumerable.Range(0, order).Sum(n => Math.Log((double)match[n] / total[n])) / order;
        var brevity = hypothesisLength > referenceLength ? 1.0 : Math.Exp(1 - (double)referenceLength / Math.Max(1, hypothesisLength));
        return 100.0 * brevity * Math.Exp(logPrecision);
    }

    private static List<string> Tokenize(string s) =>
        NonWord().Replace(s, " $1 ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();

    private static Dictionary<string, int> CharNgrams(string s, int n)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= s.Length; i++)
        {
            var key = s.Substring(i, n);
            result[key] = result.GetValueOrDefault(key) + 1;
        }

        return result;
    }

    private static Dictionary<string, int> WordNgrams(List<string> tokens, int n)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(n));
            result[key] = result.GetValueOrDefault(key) + 1;
        }

        return result;
    }

    private static long Overlap(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Sum(kv => (long)Math.Min(kv.Value, b.GetValueOrDefault(kv.Key)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Python's \w is letters, digits (incl. other numeric) and underscore.</summary>
    [GeneratedRegex(@"([^\p{L}\p{Nd}\p{Nl}\p{No}_\s'])")]
    private static partial Regex NonWord();
}
