using Normalize.Core.Rules;

namespace Normalize.Core.Units.Holidays;

/// <summary>The holidays of Rules/holidays.yaml: names as written and the rule giving their days.</summary>
public sealed class HolidayTable
{
    public int Version { get; set; }
    public List<HolidayEntry> Holidays { get; set; } = [];

    /// <summary>Nouns that turn "Christmas tree" into a thing rather than a day.</summary>
    public List<string> NounsAfterHolidays { get; set; } = [];

    private static readonly Lazy<HolidayTable> EmbeddedTable = new(() => Load(RuleFiles.Embedded));

    public static HolidayTable Embedded => EmbeddedTable.Value;

    /// <summary>The embedded table, with the user's holidays.yaml appended when <paramref name="rules"/> has one.</summary>
    public static HolidayTable Load(RuleFiles rules)
    {
        var files = rules.Load<HolidayTable>("holidays.yaml");
        var merged = new HolidayTable { Version = files[0].Version };
        foreach (var file in files)
        {
            merged.Holidays.AddRange(file.Holidays);
            merged.NounsAfterHolidays.AddRange(file.NounsAfterHolidays);
        }

        return merged;
    }
}

public sealed class HolidayEntry
{
    public string Name { get; set; } = "";
    public List<string> Names { get; set; } = [];

    /// <summary>Names that denote the day only with a year or a modifier ("saint patrick 2020").</summary>
    public List<string> QualifiedNames { get; set; } = [];

    /// <summary>Names matched with their case as written ("May Day", not "may day").</summary>
    public List<string> CasedNames { get; set; } = [];

    /// <summary>Names that are also common words ("epiphany"): in cased prose they count only capitalised.</summary>
    public List<string> CapitalisedNames { get; set; } = [];

    /// <summary>Fixed day "MM-DD".</summary>
    public string? Date { get; set; }

    public NthWeekday? Weekday { get; set; }
    public int? Easter { get; set; }
    public int? OrthodoxEaster { get; set; }
    public CalendarDay? Hebrew { get; set; }
    public CalendarDay? Hijri { get; set; }
    public CalendarDay? Chinese { get; set; }
    public RelativeDay? Relative { get; set; }
    public HinduDay? Hindu { get; set; }

    public SankrantiDay? Sankranti { get; set; }
    public SolarTerm? SolarTerm { get; set; }

    /// <summary>A known day ("YYYY-MM-DD") of a 365-day calendar without leap years.</summary>
    public string? VagueYear { get; set; }

    /// <summary>Days per Gregorian year ("MM-DD").</summary>
    public Dictionary<int, string>? Dates { get; set; }

    /// <summary>Length in days, or "month" for the rest of the lunar month; null = one day.</summary>
    public string? Days { get; set; }

    /// <summary>Length in nights (Hanukkah's eight): from the eve, it ends the morning after the last night.</summary>
    public int? Nights { get; set; }

    /// <summary>Observance moves: weekday name to days added when the date falls on it.</summary>
    public Dictionary<string, int>? Move { get; set; }

    /// <summary>The last such weekday strictly before the rule's date.</summary>
    public string? BeforeWeekday { get; set; }

    /// <summary>Begins at sunset the day before.</summary>
    public bool Eve { get; set; }
}

public sealed class NthWeekday
{
    public int Nth { get; set; }
    public string Day { get; set; } = "";
    public int Month { get; set; }
}

public sealed class CalendarDay
{
    public string Month { get; set; } = "";
    public int Day { get; set; }
}

public sealed class RelativeDay
{
    public string To { get; set; } = "";
    public int Days { get; set; }
}

/// <summary>A tithi of a Hindu lunisolar month (amanta: the month ends at the new moon).</summary>
public sealed class HinduDay
{
    public string Month { get; set; } = "";

    /// <summary>"shukla" (bright half, waxing) or "krishna" (dark half, waning).</summary>
    public string Paksha { get; set; } = "";

    /// <summary>1-15 within the half (15 = full moon in shukla, new moon in krishna).</summary>
    public int Tithi { get; set; }

    /// <summary>The hour the tithi must hold: sunrise (default), midday, sunset, moonrise, midnight.</summary>
    public string? At { get; set; }
}

/// <summary>The day the Sun enters a sidereal sign (mesha ... mina), if it does by the hour <see cref="By"/> (sunset or midnight).</summary>
public sealed class SankrantiDay
{
    public string Sign { get; set; } = "";
    public string By { get; set; } = "midnight";
}

/// <summary>The day the Sun reaches an ecliptic longitude (0 = March equinox), at a UTC offset.</summary>
public sealed class SolarTerm
{
    public double Longitude { get; set; }
    public double UtcOffset { get; set; }

    /// <summary>After local noon the day is the next one (the Iranian calendar's rule for Nowruz).</summary>
    public bool AfterNoonNextDay { get; set; }
}
