using Normalize.Core.Rules;

namespace Normalize.Core.Units.Dates;

/// <summary>The word tables of Rules/dates.yaml.</summary>
internal sealed class DateWords
{
    public int Version { get; set; }
    public Dictionary<string, int> Months { get; set; } = [];
    public Dictionary<string, int> Weekdays { get; set; } = [];
    public Dictionary<string, GrainWord> Grains { get; set; } = [];
    public Dictionary<string, int> Counts { get; set; } = [];
    public Dictionary<string, int> Ordinals { get; set; } = [];
    public Dictionary<string, int> Shifts { get; set; } = [];
    public Dictionary<string, int> RelativeDays { get; set; } = [];
    public Dictionary<string, string> Parts { get; set; } = [];
    public Dictionary<string, int> Decades { get; set; } = [];

    private static readonly Lazy<DateWords> Embedded = new(() => Normalise(RuleFiles.Embedded.Load<DateWords>("dates.yaml")[0]));

    public static DateWords Default => Embedded.Value;

    private static DateWords Normalise(DateWords w) => new()
    {
        Version = w.Version,
        Months = new(w.Months, StringComparer.OrdinalIgnoreCase),
        Weekdays = new(w.Weekdays, StringComparer.OrdinalIgnoreCase),
        Grains = new(w.Grains, StringComparer.OrdinalIgnoreCase),
        Counts = new(w.Counts, StringComparer.OrdinalIgnoreCase),
        Ordinals = new(w.Ordinals, StringComparer.OrdinalIgnoreCase),
        Shifts = new(w.Shifts, StringComparer.OrdinalIgnoreCase),
        RelativeDays = new(w.RelativeDays, StringComparer.OrdinalIgnoreCase),
        Parts = new(w.Parts, StringComparer.OrdinalIgnoreCase),
        Decades = new(w.Decades, StringComparer.OrdinalIgnoreCase),
    };
}

internal sealed class GrainWord
{
    public string Grain { get; set; } = "day";
    public int Count { get; set; } = 1;

    public Grain Unit => Enum.Parse<Grain>(Grain, ignoreCase: true);
}
