using Normalize.Core.Rules;

namespace Normalize.Core.Units;

/// <summary>The unit, currency and scale-word tables of Rules/units.yaml.</summary>
public sealed class UnitTable
{
    public int Version { get; set; }
    public List<UnitEntry> Units { get; set; } = [];
    public List<CurrencyEntry> Currencies { get; set; } = [];
    public List<ScaleEntry> Scales { get; set; } = [];
    public PoundCues PoundWeightCues { get; set; } = new();

    public static UnitTable Load(RuleFiles? rules = null)
    {
        var files = (rules ?? RuleFiles.Embedded).Load<UnitTable>("units.yaml");
        var merged = new UnitTable { Version = files[0].Version };
        foreach (var file in files)
        {
            merged.Units.AddRange(file.Units);
            merged.Currencies.AddRange(file.Currencies);
            merged.Scales.AddRange(file.Scales);
            merged.PoundWeightCues.Before.AddRange(file.PoundWeightCues.Before);
            merged.PoundWeightCues.NotAfterOf.AddRange(file.PoundWeightCues.NotAfterOf);
        }

        return merged;
    }
}

public sealed class UnitEntry
{
    public string Code { get; set; } = "";
    public string Family { get; set; } = "";
    public string Kind { get; set; } = "";
    public string SiUnit { get; set; } = "";
    public decimal SiFactor { get; set; } = 1;

    /// <summary>"metric" or "imperial" (US customary): decides how a composite "1 meter and 1 foot" is expressed.</summary>
    public string System { get; set; } = "metric";
    public List<string> Symbols { get; set; } = [];
    public List<string> Names { get; set; } = [];

    /// <summary>Names not counted as one after "a"/"an" (idioms: "a second time", "a foot soldier", "a bit").</summary>
    public List<string> NoArticle { get; set; } = [];

    /// <summary>Symbols read only as a later part of a composite or glued to a number ("5 ft 2 in", 5'' and 7').</summary>
    public List<string> CompositeSymbols { get; set; } = [];
}

public sealed class CurrencyEntry
{
    public string Code { get; set; } = "";
    public List<string> Prefixes { get; set; } = [];

    /// <summary>Signs read only after a number, case-sensitive ("10c", "10 ¢").</summary>
    public List<string> Symbols { get; set; } = [];
    public List<string> Names { get; set; } = [];
}

public sealed class ScaleEntry
{
    public decimal Value { get; set; }
    public List<string> Words { get; set; } = [];
}

/// <summary>When "pounds" after a number is a weight rather than money.</summary>
public sealed class PoundCues
{
    /// <summary>Words shortly before the number that make it a weight ("weighs", "heavy").</summary>
    public List<string> Before { get; set; } = [];

    /// <summary>Nouns after "pounds of" that keep it money ("pounds of funding").</summary>
    public List<string> NotAfterOf { get; set; } = [];
}
