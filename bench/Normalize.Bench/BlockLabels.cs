namespace Normalize.Bench;

/// <summary>
/// Labels the text blocks (or lines) of a dev page by aligning them with its ground truth: a block of three
/// words or more is body text when at least half its word trigrams occur in the truth; a shorter block when
/// the truth has it as a line of its own or the trigrams it forms with its neighbours' words occur there.
/// </summary>
public sealed class BlockLabels
{
    private readonly HashSet<(string, string, string)> _trigrams = [];
    private readonly HashSet<string> _lines = new(StringComparer.Ordinal);

    public BlockLabels(string truth)
    {
        var tokens = Words(truth);
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            _trigrams.Add((tokens[i], tokens[i + 1], tokens[i + 2]));
        }

        foreach (var line in truth.Split('\n'))
        {
            var words = Words(line);
            if (words.Count > 0)
            {
                _lines.Add(string.Join(' ', words));
            }
        }
    }

    public static List<string> Words(string text) => ShingleMetric.Tokens(text.ToLowerInvariant());

    /// <summary>Labels of consecutive blocks (document order).</summary>
    public bool[] Label(IReadOnlyList<string> blocks)
    {
        var words = blocks.Select(Words).ToList();
        var labels = new bool[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            var w = words[i];
            if (w.Count >= 3)
            {
                var hits = 0;
                for (var j = 0; j + 2 < w.Count; j++)
                {
                    hits += _trigrams.Contains((w[j], w[j + 1], w[j + 2])) ? 1 : 0;
                }

                labels[i] = hits * 2 >= w.Count - 2;
                continue;
            }

            if (w.Count == 0)
            {
                continue;
            }

            if (_lines.Contains(string.Join(' ', w)))
            {
                labels[i] = true;
                continue;
            }

            // Inline with the text around it: the trigrams spanning into the previous and next blocks.
            var before = i > 0 ? words[i - 1].TakeLast(2) : [];
            var after = i + 1 < words.Count ? words[i + 1].Take(2) : [];
            var span = before.Concat(w).Concat(after).ToList();
            int spanning = 0, found = 0;
            var start = span.Count - w.Count - after.Count();
            for (var j = 0; j + 2 < span.Count; j++)
            {
                if (j + 2 < start || j > start + w.Count - 1)
                {
                    continue;
                }

                spanning++;
                found += _trigrams.Contains((span[j], span[j + 1], span[j + 2])) ? 1 : 0;
            }

            labels[i] = spanning > 0 && found * 2 > spanning;
        }

        return labels;
    }
}
