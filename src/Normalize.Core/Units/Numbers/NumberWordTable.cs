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

    /// <summary>Scale words of other languages (ISO 639-1, "hbs"), read after digits in a paragraph of that language.</summary>
    public Dictionary<string, List<ScaleEntry>> ScalesByLanguage { get; set; } = [];

    private static readonly Lazy<NumberWordTable> EmbeddedInstance = new(() => Load());

    /// <summary>
    /// The embedded numbers.yaml. The word grammar (ordinal spellings, the number-word triggers) is
    /// built from it once; a user's numbers.yaml adds scales, vague counts and relative ordinals.
    /// </summary>
    public static NumberWordTable Embedded => EmbeddedInstance.Value;

    /// <summary>The embedded numbers.yaml, or with the user's numbers.yaml added.</summary>
    public static NumberWordTable Load(RuleFiles? rules = null)
    {
        var files = (rules ?? RuleFiles.Embedded).Load<NumberWordTable>("numbers.yaml");
        var merged = new NumberWordTable { Version = files[0].Version };
        foreach (var file in files)
        {
            merged.Scales.AddRange(file.Scales);
            merged.Ordinals.AddRange(file.Ordinals);
            merged.VagueCounts.AddRange(file.VagueCounts);
            merged.RelativeOrdinals.AddRange(file.RelativeOrdinals);
            foreach (var (language, scales) in file.ScalesByLanguage)
            {
                if (!merged.ScalesByLanguage.TryGetValue(language, out var list))
                {
                    merged.ScalesByLanguage[language] = list = [];
                }

                list.AddRange(scales);
            }
        }

        return merged;
    }
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
