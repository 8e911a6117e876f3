using System.Globalization;
using System.Text;

namespace Normalize.Core.Learning;

/// <summary>
/// A binary classifier of gradient-boosted regression trees over named numeric features: the sum of the
/// trees' leaf values plus a base score is the log-odds of the positive class. Stored as a small text file
/// (see <see cref="Write"/>), loaded in microseconds, evaluated without allocation.
/// </summary>
public sealed class BoostedTrees
{
    private readonly Tree[] _trees;

    internal BoostedTrees(IReadOnlyList<string> features, double baseScore, Tree[] trees)
    {
        Features = features;
        BaseScore = baseScore;
        _trees = trees;
    }

    public IReadOnlyList<string> Features { get; }

    public double BaseScore { get; }

    public int TreeCount => _trees.Length;

    /// <summary>Probability of the positive class.</summary>
    public double Predict(ReadOnlySpan<float> features)
    {
        var sum = BaseScore;
        foreach (var tree in _trees)
        {
            sum += tree.Evaluate(features);
        }

        return 1 / (1 + Math.Exp(-sum));
    }

    /// <summary>The model as text: a header naming the features, the base score, then one line per tree node.</summary>
    public string Write(string comment)
    {
        var text = new StringBuilder();
        foreach (var line in comment.Split('\n'))
        {
            text.Append("# ").Append(line).Append('\n');
        }

        text.Append("features ").Append(string.Join(' ', Features)).Append('\n');
        text.Append("base ").Append(BaseScore.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var tree in _trees)
        {
            text.Append("tree ").Append(tree.Feature.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
            for (var i = 0; i < tree.Feature.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{tree.Feature[i]} {tree.Threshold[i].ToString("R", CultureInfo.InvariantCulture)} {tree.Left[i]} {tree.Right[i]} {tree.Value[i].ToString("R", CultureInfo.InvariantCulture)}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Parses <see cref="Write"/>'s format; the error names the line that is wrong.</summary>
    public static BoostedTrees Parse(string text, string source)
    {
        var lines = text.Split('\n');
        string[]? features = null;
        double baseScore = 0;
        var trees = new List<Tree>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "features":
                    features = parts[1..];
                    break;
                case "base" when parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b):
                    baseScore = b;
                    break;
                case "tree" when parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var count) && count > 0 && i + count < lines.Length:
                    var tree = new Tree(count);
                    for (var n = 0; n < count; n++)
                    {
                        var node = lines[++i].TrimEnd('\r').Split(' ');
                        if (node.Length != 5
                            || !int.TryParse(node[0], CultureInfo.InvariantCulture, out tree.Feature[n])
                            || !float.TryParse(node[1], NumberStyles.Float, CultureInfo.InvariantCulture, out tree.Threshold[n])
                            || !int.TryParse(node[2], CultureInfo.InvariantCulture, out tree.Left[n])
                            || !int.TryParse(node[3], CultureInfo.InvariantCulture, out tree.Right[n])
                            || !double.TryParse(node[4], NumberStyles.Float, CultureInfo.InvariantCulture, out tree.Value[n])
                            || tree.Feature[n] >= (features?.Length ?? 0)
                            || (tree.Feature[n] >= 0 && (tree.Left[n] <= n || tree.Right[n] <= n || tree.Left[n] >= count || tree.Right[n] >= count)))
                        {
                            throw new FormatException($"{source}: line {i + 1} is not a tree node 'feature threshold left right value'");
                        }
                    }

                    trees.Add(tree);
                    break;
                default:
                    throw new FormatException($"{source}: line {i + 1} is not understood: '{(line.Length > 60 ? line[..60] : line)}'");
            }
        }

        if (features is null || trees.Count == 0)
        {
            throw new FormatException($"{source}: no features line or no trees");
        }

        return new BoostedTrees(features, baseScore, [.. trees]);
    }

    /// <summary>One tree as parallel arrays; a node with feature -1 is a leaf; children always come after their parent.</summary>
    internal sealed class Tree
    {
        public Tree(int nodes)
        {
            Feature = new int[nodes];
            Threshold = new float[nodes];
            Left = new int[nodes];
            Right = new int[nodes];
            Value = new double[nodes];
        }

        public int[] Feature { get; }

        public float[] Threshold { get; }

        public int[] Left { get; }

        public int[] Right { get; }

        public double[] Value { get; }

        public double Evaluate(ReadOnlySpan<float> x)
        {
            var n = 0;
            while (Feature[n] >= 0)
            {
                n = x[Feature[n]] <= Threshold[n] ? Left[n] : Right[n];
            }

            return Value[n];
        }
    }
}

/// <summary>Settings of <see cref="BoostedTreesTrainer"/>; the defaults train in seconds on a few hundred thousand rows.</summary>
public sealed record BoostingOptions
{
    public int Trees { get; init; } = 120;

    public int MaxDepth { get; init; } = 5;

    public double LearningRate { get; init; } = 0.1;

    /// <summary>Share of rows each tree sees (chosen by a fixed-seed generator: training is deterministic).</summary>
    public double RowSample { get; init; } = 0.25;

    public double L2 { get; init; } = 1;

    /// <summary>Least summed hessian (weighted) on each side of a split.</summary>
    public double MinChildWeight { get; init; } = 2;

    public int Bins { get; init; } = 64;

    public ulong Seed { get; init; } = 12;
}

/// <summary>
/// Trains <see cref="BoostedTrees"/> with logistic loss: features cut into quantile bins, trees grown level by
/// level from gradient histograms. Single-threaded and seeded, so the same rows give the same model, byte for byte.
/// </summary>
public static class BoostedTreesTrainer
{
    public static BoostedTrees Train(IReadOnlyList<string> featureNames, IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<double> weights, BoostingOptions? options = null)
    {
        options ??= new BoostingOptions();
        var n = rows.Count;
        var f = featureNames.Count;
        var thresholds = new float[f][];
        var binned = new byte[f][];
        for (var j = 0; j < f; j++)
        {
            thresholds[j] = CutPoints(rows, j, options.Bins);
            var column = new byte[n];
            for (var i = 0; i < n; i++)
            {
                column[i] = (byte)BinOf(thresholds[j], rows[i][j]);
            }

            binned[j] = column;
        }

        double positive = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            total += weights[i];
            positive += labels[i] ? weights[i] : 0;
        }

        var prior = Math.Clamp(positive / total, 1e-6, 1 - 1e-6);
        var baseScore = Math.Log(prior / (1 - prior));
        var score = new double[n];
        Array.Fill(score, baseScore);
        var grad = new double[n];
        var hess = new double[n];
        var node = new int[n];
        var random = new SplitMix(options.Seed);
        var trees = new List<BoostedTrees.Tree>();
        var bins = options.Bins;
        for (var t = 0; t < options.Trees; t++)
        {
            var sample = new List<int>((int)(n * options.RowSample) + 16);
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-score[i]));
                grad[i] = (p - (labels[i] ? 1 : 0)) * weights[i];
                hess[i] = Math.Max(p * (1 - p), 1e-6) * weights[i];
                if (random.NextDouble() < options.RowSample)
                {
                    sample.Add(i);
                    node[i] = 0;
                }
            }

            // Nodes grow in breadth-first order, so children are numbered after their parents.
            var feature = new List<int> { -1 };
            var threshold = new List<float> { 0 };
            var left = new List<int> { 0 };
            var right = new List<int> { 0 };
            var value = new List<double> { 0 };
            var level = new List<int> { 0 };
            var active = sample.ToArray();
            var slotOfNode = new Dictionary<int, int>();
            for (var depth = 0; depth <= options.MaxDepth && level.Count > 0; depth++)
            {
                slotOfNode.Clear();
                for (var k = 0; k < level.Count; k++)
                {
                    slotOfNode[level[k]] = k;
                }

                var slots = new int[active.Length];
                var totalG = new double[level.Count];
                var totalH = new double[level.Count];
                for (var r = 0; r < active.Length; r++)
                {
                    var i = active[r];
                    var s = slotOfNode[node[i]];
                    slots[r] = s;
                    totalG[s] += grad[i];
                    totalH[s] += hess[i];
                }

                var histG = depth < options.MaxDepth ? new double[level.Count * f * bins] : [];
                var histH = depth < options.MaxDepth ? new double[level.Count * f * bins] : [];
                if (depth < options.MaxDepth)
                {
                    for (var j = 0; j < f; j++)
                    {
                        var column = binned[j];
                        for (var r = 0; r < active.Length; r++)
                        {
                            var i = active[r];
                            var at = (slots[r] * f + j) * bins + column[i];
                            histG[at] += grad[i];
                            histH[at] += hess[i];
                        }
                    }
                }

                var next = new List<int>();
                var splitOf = new Dictionary<int, (int Feature, int Bin)>();
                for (var k = 0; k < level.Count; k++)
                {
                    var id = level[k];
                    double g = totalG[k], h = totalH[k];
                    value[id] = -g / (h + options.L2) * options.LearningRate;
                    if (depth == options.MaxDepth || h < 2 * options.MinChildWeight)
                    {
                        continue;
                    }

                    var parentGain = g * g / (h + options.L2);
                    double bestGain = 1e-9;
                    var best = (Feature: -1, Bin: -1);
                    for (var j = 0; j < f; j++)
                    {
                        double gl = 0, hl = 0;
                        var cuts = thresholds[j].Length;
                        for (var b = 0; b < cuts; b++)
                        {
                            var at = (k * f + j) * bins + b;
                            gl += histG[at];
                            hl += histH[at];
                            var gr = g - gl;
                            var hr = h - hl;
                            if (hl < options.MinChildWeight || hr < options.MinChildWeight)
                            {
                                continue;
                            }

                            var gain = gl * gl / (hl + options.L2) + gr * gr / (hr + options.L2) - parentGain;
                            if (gain > bestGain)
                            {
                                bestGain = gain;
                                best = (j, b);
                            }
                        }
                    }

                    if (best.Feature < 0)
                    {
                        continue;
                    }

                    feature[id] = best.Feature;
                    threshold[id] = thresholds[best.Feature][best.Bin];
                    left[id] = feature.Count;
                    right[id] = feature.Count + 1;
                    for (var c = 0; c < 2; c++)
                    {
                        feature.Add(-1);
                        threshold.Add(0);
                        left.Add(0);
                        right.Add(0);
                        value.Add(0);
                        next.Add(feature.Count - 1);
                    }

                    splitOf[id] = best;
                }

                // Rows in a node that became a leaf drop out; the others move to their child.
                var moving = new List<int>(active.Length);
                foreach (var i in active)
                {
                    if (splitOf.TryGetValue(node[i], out var split))
                    {
                        node[i] = binned[split.Feature][i] <= split.Bin ? left[node[i]] : right[node[i]];
                        moving.Add(i);
                    }
                }

                active = moving.ToArray();
                level = next;
            }

            var tree = new BoostedTrees.Tree(feature.Count);
            for (var k = 0; k < feature.Count; k++)
            {
                tree.Feature[k] = feature[k];
                tree.Threshold[k] = threshold[k];
                tree.Left[k] = left[k];
                tree.Right[k] = right[k];
                tree.Value[k] = value[k];
            }

            trees.Add(tree);
            for (var i = 0; i < n; i++)
            {
                score[i] += tree.Evaluate(rows[i]);
            }
        }

        return new BoostedTrees([.. featureNames], baseScore, [.. trees]);
    }

    /// <summary>Up to <paramref name="bins"/> - 1 cut points at quantiles of the distinct values; bin b holds values &lt;= cut b.</summary>
    private static float[] CutPoints(IReadOnlyList<float[]> rows, int j, int bins)
    {
        var values = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            values[i] = rows[i][j];
        }

        Array.Sort(values);
        var cuts = new List<float>();
        for (var q = 1; q < bins; q++)
        {
            var v = values[(int)((long)q * (values.Length - 1) / bins)];
            if (cuts.Count == 0 || v > cuts[^1])
            {
                cuts.Add(v);
            }
        }

        if (cuts.Count > 0 && cuts[^1] >= values[^1])
        {
            cuts.RemoveAt(cuts.Count - 1);
        }

        return [.. cuts];
    }

    private static int BinOf(float[] cuts, float value)
    {
        var lo = 0;
        var hi = cuts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (value <= cuts[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>SplitMix64: a fixed, documented generator, so row samples do not depend on the runtime's Random.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public double NextDouble()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
