using Normalize.Core.Rules;

namespace Normalize.Core.Units;

/// <summary>The word lists of Rules/numbers.yaml (scale words, ordinal spellings, vague counts, relative ordinals).</summary>
public sealed class NumberWordTable
{
    public int Version { get; set; }
    public List<ScaleEntry> Scales { get; set; } = [];
    public List<NumberWordEntry> Ordinals { get; set; } = [];
    public List<NumberWordEntry> VagueCounts { get; set; } = [];
    public List<RelativeOrdinalEntry> RelativeOrdinals { get; set; } = [];

    private static readonly Lazy<NumberWordTable> EmbeddedInstance = new(() => RuleFiles.Embedded.Load<NumberWordTable>("numbers.yaml")[0]);

    /// <summary>The embedded numbers.yaml.</summary>
    public static NumberWordTable Embedded => EmbeddedInstance.Value;
}

public sealed class NumberWordEntry
{
    public decimal Value { get; set; }
    public List<string> Words { get; set; } = [];
}

public sealed class RelativeOrdinalEntry
{
    public string Value { get; set; } = "";
    public List<string> Words { get; set; } = [];
}
