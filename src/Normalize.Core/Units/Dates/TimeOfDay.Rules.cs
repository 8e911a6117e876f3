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
    public List<string> TimeZones { get; set; } = [];
    public Dictionary<string, int> ClockNumbers { get; set; } = [];
    public Dictionary<string, int> SetCounts { get; set; } = [];
    public List<string> NotHabitAfter { get; set; } = [];
    public List<string> CountdownWords { get; set; } = [];
    public List<string> RatioWords { get; set; } = [];

    /// <summary>Clock numbers below twenty ("one" … "nineteen").</summary>
    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Units { get; private set; }

    /// <summary>Clock tens ("twenty" … "fifty").</summary>
    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Tens { get; private set; }

    /// <summary>Counts of a set's units: clock numbers to twelve and "other", "second" ...</summary>
    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Counts { get; private set; }

    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotHabit { get; private set; }
    internal PhraseMatcher<string> Countdown { get; } = new();
    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Ratio { get; private set; }

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
    internal PhraseMatcher<string> TimeZoneWords { get; } = new();
    internal PhraseMatcher<SetUnit> SetUnitWords { get; } = new();
    internal HashSet<string> TriggerWords { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Triggers { get; private set; }

    /// <summary>Trigger words that are a time by themselves ("noon", "weekly").</summary>
    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Heads { get; private set; }

    /// <summary>Words that can follow a leading trigger word inside a time.</summary>
    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Followers { get; private set; }

    /// <summary>Words that are a time or recurrence by themselves (a time can start with them, nothing needs to follow).</summary>
    private static readonly string[] HeadWords =
    [
        "noon", "midday", "midnight", "tonight", "everyday", "mornings", "afternoons", "evenings", "nights", "weekends",
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
    ];

    /// <summary>
    /// Words that start a time only when a clock word, digit or part of day follows ("at 5pm", "in the
    /// morning", "every week", "ten thirty am", "tuesday afternoons"): checked on the next word first,
    /// so the frequent ones ("at", "in", "the", "one") cost one lookup.
    /// </summary>
    private static readonly string[] LeadWords =
    [
        "at", "for", "from", "between", "this", "in", "early", "late", "later", "the", "half", "quarter", "a", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "every", "each", "once", "twice", "all", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    ];

    /// <summary>Words that can follow a lead word inside a time, besides the lead and head words themselves.</summary>
    private static readonly string[] FollowerWords =
    [
        "am", "pm", "a", "p", "o", "oclock", "past", "to", "till", "minutes", "minute", "mins", "min", "times", "other",
        "second", "third", "fourth", "today", "tomorrow", "yesterday", "thirteen", "fourteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "oh", "afternoons", "mornings", "evenings", "nights", "per",
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

        rules.Units = new Dictionary<string, int>(rules.ClockNumbers.Where(n => n.Value < 20), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        rules.Tens = new Dictionary<string, int>(rules.ClockNumbers.Where(n => n.Value >= 20), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        rules.Counts = new Dictionary<string, int>(rules.ClockNumbers.Where(n => n.Value <= 12).Concat(rules.SetCounts), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        rules.NotHabit = new HashSet<string>(rules.NotHabitAfter, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        rules.Ratio = new HashSet<string>(rules.RatioWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in rules.CountdownWords)
        {
            rules.Countdown.Add(word, word, ignoreCase: true);
        }

        foreach (var zone in rules.TimeZones)
        {
            // "GMT" is an abbreviation only in capitals; "local time" in any case.
            rules.TimeZoneWords.Add(zone, zone, ignoreCase: zone.Contains(' '));
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

        // Qualifiers, frequency words and parts of day (added above) need a follower, except frequency words.
        rules.Heads = new HashSet<string>(HeadWords.Concat(rules.Frequencies.Keys.Select(FirstWord)), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        rules.TriggerWords.UnionWith(HeadWords);
        rules.TriggerWords.UnionWith(LeadWords);
        var followers = new HashSet<string>(rules.TriggerWords.Concat(FollowerWords), StringComparer.OrdinalIgnoreCase);
        followers.UnionWith(rules.SetUnits.SelectMany(u => u.Words));
        rules.Followers = followers.GetAlternateLookup<ReadOnlySpan<char>>();

        // Parts of day start a time only after "this"/"in the"/"at": they follow, they do not lead.
        foreach (var part in rules.PartsOfDay.SelectMany(p => p.Words))
        {
            rules.TriggerWords.Remove(FirstWord(part));
        }

        rules.TriggerWords.Add("lunchtime");
        rules.Triggers = rules.TriggerWords.GetAlternateLookup<ReadOnlySpan<char>>();
        return rules;
    }

    /// <summary>
    /// A weekday's full name (Rules/dates.yaml), 1 = Monday … 7 = Sunday. Abbreviations stay out: after a
    /// time or in a plural they are words ("9:30 sat down", "thus", "the Suns").
    /// </summary>
    internal static bool FullWeekday(ReadOnlySpan<char> word, out int weekday)
    {
        weekday = 0;
        return word.Length >= 6 && DateWords.Default.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out weekday);
    }

    private static string FirstWord(string phrase) => new(phrase.TakeWhile(char.IsLetter).ToArray());
}
