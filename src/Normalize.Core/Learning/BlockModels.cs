namespace Normalize.Core.Learning;

/// <summary>
/// The trained block and line models shipped in this assembly (source: src/Normalize.Core/Models/, rebuilt by
/// `dotnet run -c Release --project bench/Normalize.Bench -- train-boilerplate`).
/// </summary>
public static class BlockModels
{
    public const string HtmlBlocksFile = "html-blocks.gbt";

    public const string TextLinesFile = "text-lines.gbt";

    /// <summary>A line is kept when the model gives it at least this probability of being body text.</summary>
    public const double KeepThreshold = 0.5;

    /// <summary>A block of the rule-based body is kept unless the model's probability is under this (chosen out-of-fold, train-boilerplate).</summary>
    public const double KeepInBody = 0.3;

    /// <summary>A block outside the rule-based body is added when the model's probability is at least this.</summary>
    public const double AddOutsideBody = 0.7;

    private static readonly Lazy<BoostedTrees?> HtmlModel = new(() => Load(HtmlBlocksFile));

    private static readonly Lazy<BoostedTrees?> TextModel = new(() => Load(TextLinesFile));

    /// <summary>The HTML block scorer, or null when the build has none.</summary>
    public static BoostedTrees? Html => HtmlModel.Value;

    /// <summary>The text-dump line scorer, or null when the build has none.</summary>
    public static BoostedTrees? TextLines => TextModel.Value;

    private static BoostedTrees? Load(string name)
    {
        using var stream = typeof(BlockModels).Assembly.GetManifestResourceStream("Normalize.Models." + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return BoostedTrees.Parse(reader.ReadToEnd(), "embedded model " + name);
    }

    /// <summary>A model trained on other features than the code computes is stale: refuse it with the command that rebuilds it.</summary>
    public static void CheckFeatures(BoostedTrees model, IReadOnlyList<string> expected, string what)
    {
        if (!model.Features.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"{what} was trained on other features than this build computes ({model.Features.Count} vs {expected.Count}); rebuild it with `dotnet run -c Release --project bench/Normalize.Bench -- train-boilerplate`");
        }
    }
}
