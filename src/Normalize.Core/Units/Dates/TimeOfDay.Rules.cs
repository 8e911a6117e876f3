using Normalize.Core.Rules;

namespace Normalize.Core.Units.Dates;

/// <summary>The word tables of Rules/times.yaml: parts of the day, qualifiers, frequency words, set units.</summary>
internal sealed class TimeRules
{
    /// <summary>The embedded tables, loaded once.</summary>
    public static Lazy<TimeRules> Shared { get; } = new(Load);

    public int Version { get; set; }
    public List<PartOfDay> PartsOfDay { get; set; } = [];
    public List<QualifierWords> Qualifiers { get; set; } = [];
    public Dictionary<string, string> Frequencies { get; set; } = [];
    public List<SetUnit> SetUnits { get; set; } = [];

    public sealed class QualifierWords
    {
        public string Qualifier { get; set; } = "";
        public List<string> Words { get; set; } = [];
    }

    public sealed class SetUnit
    {
        public List<string> Words { get; set; } = [];

        /// <summary>ISO 8601 / TIMEX period designator: S, M, H, D, W, M, Y, WE (weekend), WD (weekday).</summary>
        public string Period { get; set; } = "";

        /// <summary>How many periods one unit is (a fortnight is 2 weeks).</summary>
        public int Multiple { get; set; } = 1;

        /// <summary>A time period (PT2H) rather than a date period (P2D).</summary>
        public bool Time { get; set; }
    }

    internal PhraseMatcher<PartOfDay> PartWords { get; } = new();

    /// <summary>Single-word parts by name, to read plurals ("mornings").</summary>
    internal Dictionary<string, PartOfDay> PartByWord { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal PhraseMatcher<string> QualifierPhrases { get; } = new();
    internal PhraseMatcher<string> FrequencyWords { get; } = new();
    internal PhraseMatcher<SetUnit> SetUnitWords { get; } = new();
    internal HashSet<string> TriggerWords { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Triggers { get; private set; }

    /// <summary>Clock words that start a time besides the tables: hours in words, noon, fractions of an hour.</summary>
    private static readonly string[] ClockWords =
    [
        "at", "from", "between", "this", "in", "early", "late", "later", "tonight", "noon", "midday", "midnight", "the",
        "half", "quarter", "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "every", "each", "once", "twice",
        "all", "everyday", "mornings", "afternoons", "evenings", "nights", "weekends", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays", "wednesdays", "thursdays",
        "fridays", "saturdays", "sundays",
    ];

    public static TimeRules Load()
    {
        var rules = RuleFiles.Embedded.Load<TimeRules>("times.yaml")[0];
        foreach (var part in rules.PartsOfDay)
        {
            foreach (var word in part.Words)
            {
                rules.PartWords.Add(word, part, ignoreCase: true);
                rules.PartByWord[word] = part;
            }
        }

        foreach (var group in rules.Qualifiers)
        {
            foreach (var word in group.Words)
            {
                rules.QualifierPhrases.Add(word, group.Qualifier, ignoreCase: true);
                rules.TriggerWords.Add(FirstWord(word));
            }
        }

        foreach (var (word, period) in rules.Frequencies)
        {
            rules.FrequencyWords.Add(word, period, ignoreCase: true);
            rules.TriggerWords.Add(FirstWord(word));
        }

        foreach (var unit in rules.SetUnits)
        {
            foreach (var word in unit.Words)
            {
                rules.SetUnitWords.Add(word, unit, ignoreCase: true);
            }
        }

        foreach (var part in rules.PartsOfDay.SelectMany(p => p.Words))
        {
            rules.TriggerWords.Add(FirstWord(part));
        }

        rules.TriggerWords.UnionWith(ClockWords);
        rules.Triggers = rules.TriggerWords.GetAlternateLookup<ReadOnlySpan<char>>();
        return rules;
    }

    private static string FirstWord(string phrase) => new(phrase.TakeWhile(char.IsLetter).ToArray());
}
