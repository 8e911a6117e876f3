using System.Globalization;

namespace Normalize.Core.Units.Dates;

/// <summary>Precision of a clock time.</summary>
public enum TimeGrain
{
    Hour,
    Minute,
    Second,
}

/// <summary>A clock reading on the 24-hour clock.</summary>
/// <param name="MeridiemStated">"am"/"pm" (or noon/midnight, or a part of day) fixed the half of the day.</param>
/// <param name="Ambiguous">A 12-hour reading with nothing to fix its half ("at 6", "3:30"): Hour is the literal (morning) reading.</param>
public readonly record struct ClockTime(int Hour, int Minute, int Second, TimeGrain Grain, bool MeridiemStated, bool Ambiguous)
{
    /// <summary>"15:30", "07:56:30" (seconds only when non-zero).</summary>
    public string Iso => Second > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Hour:D2}:{Minute:D2}:{Second:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Hour:D2}:{Minute:D2}");

    public TimeSpan OfDay => new(Hour, Minute, Second);

    /// <summary>The afternoon reading of an ambiguous hour ("at 6" → 18:00).</summary>
    public ClockTime Afternoon => Hour < 12 ? this with { Hour = Hour + 12, Ambiguous = false } : this;
}

/// <summary>A named part of the day and its hour interval under each convention (Rules/times.yaml).</summary>
public sealed class PartOfDay
{
    public string Name { get; set; } = "";
    public List<string> Words { get; set; } = [];

    /// <summary>As a time of day (Recognizers-Text, news): [from, to) in hours.</summary>
    public List<int> Clock { get; set; } = [];

    /// <summary>Anchored on a day (Duckling): [from, to) in hours; 24 = the midnight after.</summary>
    public List<int> Anchored { get; set; } = [];

    /// <summary>A bare hour said with this part is an afternoon hour ("5 in the evening").</summary>
    public bool Pm { get; set; }

    public string Timex { get; set; } = "";

    /// <summary>Duckling's "after lunch": a closed interval of its own, in hours; empty when none.</summary>
    public List<int> AfterAnchored { get; set; } = [];
}

/// <summary>A day named after a time ("3pm tomorrow", "9:30 on Thursday"): an offset from the reference or a weekday.</summary>
public readonly record struct DayReference(int Offset, DayOfWeek? Weekday);

/// <summary>
/// A time of day found in text: a clock time ("3pm"), a range ("from 3 to 5pm"), or a part of the
/// day ("this evening"), possibly qualified ("around 7pm", "after 6pm") and possibly followed by a
/// simple day ("3pm tomorrow"). Offsets are UTF-16 indices into the text.
/// </summary>
public sealed record TimeExpression
{
    public int Start { get; init; }
    public int End { get; init; }

    /// <summary>Start without a leading "at"/"@"/"for" ("at 3pm" → the "3"); = Start when there is none.</summary>
    public int BodyStart { get; init; }

    /// <summary>A single clock time; null for ranges and bare parts of day.</summary>
    public ClockTime? Time { get; init; }

    /// <summary>Start and end of a range ("from 3 to 5pm"); both null otherwise.</summary>
    public ClockTime? From { get; init; }

    public ClockTime? To { get; init; }

    /// <summary>The part of the day named ("this evening", "5 in the evening"); for a bare part it is the value.</summary>
    public PartOfDay? Part { get; init; }

    /// <summary>
    /// "approx", "before" (before/until/by), "after", "since", "until" (as late as); "start"/"end" for
    /// "early/late in the morning".
    /// </summary>
    public string? Qualifier { get; init; }

    /// <summary>The day named after the time, if any.</summary>
    public DayReference? Day { get; init; }

    public bool IsRange => From is not null && To is not null;

    /// <summary>Whether "am"/"pm" (or noon, midnight, a part of day) fixed the half of the day.</summary>
    public bool MeridiemStated => Time is { } time
        ? time.MeridiemStated
        : (To?.MeridiemStated ?? false) || (From?.MeridiemStated ?? false) || Part is not null;

    /// <summary>The ISO 8601 value on its own (see <see cref="TimeOfDay"/> for the conventions); null if it needs a reference date that is missing.</summary>
    public string? Iso(AnnotationContext context) => TimeOfDay.Resolve(this, context);

    /// <summary>The ISO 8601 value on a given day, for "tomorrow at 3pm", "March 3 at 15:00".</summary>
    public string IsoOn(DateTime day, AnnotationContext context) => TimeOfDay.ResolveOn(this, day.Date, context);
}

/// <summary>
/// Times of day, time ranges and parts of the day. Values follow the bench conventions: on its own a
/// time is a time of day ("T15:00", RT and news); with <see cref="AnnotationContext.AnchorBareTimes"/>
/// it is anchored on the reference date, the next occurrence for a bare time (Duckling). A bare
/// number after "at" is not a time on its own ("rose at 5"); it is after a date ("tomorrow at 5").
/// </summary>
public static partial class TimeOfDay
{
    private static Lazy<TimeRules> Rules => TimeRules.Shared;

    /// <summary>Words a time expression can start with (besides digits), for the Annotator's trigger check.</summary>
    public static IReadOnlyCollection<string> TriggerWords => Rules.Value.TriggerWords;

    /// <summary>
    /// Cheap check: could a time expression start at this word start? A digit run must be followed by a
    /// clock mark (":", ".", "h", "am", "-") or a clock word; a leading word ("at", "in", "one") by a
    /// digit or a clock word. Most words of prose stop here after one or two hash lookups.
    /// </summary>
    public static bool MayStart(string text, int position)
    {
        var c = text[position];
        if (c == '@')
        {
            return true;
        }

        var rules = Rules.Value;
        int end;
        if (char.IsAsciiDigit(c))
        {
            end = position;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end == text.Length)
            {
                return false;
            }

            if (text[end] is ':' or '.' or 'h' or 'H' or 'a' or 'A' or 'p' or 'P' or 'i' or '-' or '–')
            {
                return true;
            }

            // "0900 GMT"
            if (end - position == 4 && end + 1 < text.Length && text[end] == ' ' && rules.TimeZoneWords.TryMatch(text, end + 1, out _, out _))
            {
                return true;
            }
        }
        else
        {
            end = WordEnd(text, position);
            if (end == position || !rules.Triggers.Contains(text.AsSpan(position, end - position)))
            {
                return false;
            }

            if (rules.Heads.Contains(text.AsSpan(position, end - position)))
            {
                return true;
            }

            // "later than 3pm", "as early as 7:00 am": the follower comes after the whole phrase.
            if (rules.QualifierPhrases.TryMatch(text, position, out _, out var qualifierEnd))
            {
                end = qualifierEnd;
            }
        }

        // The next word (after spaces or a hyphen).
        var next = end;
        while (next < text.Length && next - end < 3 && text[next] is ' ' or '\u00A0' or '-')
        {
            next++;
        }

        if (next == end || next >= text.Length)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[next]) || text[next] == '@')
        {
            return true;
        }

        var nextEnd = WordEnd(text, next);
        return nextEnd > next && rules.Followers.Contains(text.AsSpan(next, nextEnd - next));
    }

    /// <summary>A time expression starting exactly at <paramref name="position"/>.</summary>
    public static bool TryMatch(string text, int position, out TimeExpression time) =>
        TryMatch(text, position, afterDate: false, out time);

    /// <summary>
    /// As <see cref="TryMatch(string, int, out TimeExpression)"/>; <paramref name="afterDate"/> = the
    /// text before is a date, so a bare hour is a time ("Monday at 5", "March 3 at 6").
    /// </summary>
    public static bool TryMatch(string text, int position, bool afterDate, out TimeExpression time)
    {
        time = null!;
        if (position >= text.Length || !char.IsLetterOrDigit(text[position]) && text[position] != '@')
        {
            return false;
        }

        var parser = new Parser(text, Rules.Value, afterDate);
        if (parser.Expression(position) is not { } found)
        {
            return false;
        }

        time = found;
        return true;
    }

    /// <summary>
    /// A time or recurring-time expression at <paramref name="position"/> as a date span, resolved under
    /// <paramref name="context"/>. A recurrence ("every Monday", "6am every day") has grain "set" and its
    /// TIMEX as value.
    /// </summary>
    public static bool TryAnnotate(string text, int position, AnnotationContext context, out DateSpan span)
    {
        span = null!;
        var matched = TryMatch(text, position, out var time);
        var set = matched ? DateSets.AfterTime(text, time) : DateSets.TryMatch(text, position, out var found) ? found : null;
        if (set is not null)
        {
            span = new DateSpan { Text = text[set.Start..set.End], Iso = set.Timex, Start = set.Start, End = set.End, Grain = "set" };
            return true;
        }

        if (!matched || time.Iso(context) is not { } iso)
        {
            return false;
        }

        var anchored = context.AnchorBareTimes || time.Day is not null;

        // Duckling's spans keep the "at"; Recognizers-Text's and news spans start at the time.
        var start = context.SpanIncludesPreposition ? time.Start : time.BodyStart;
        span = new DateSpan
        {
            Text = text[start..time.End],
            Iso = iso,
            Start = start,
            End = time.End,
            Grain = anchored ? GrainName(time) : "time",
            Qualifier = time.Qualifier,
            Completed = anchored,
        };
        return true;
    }

    private static string GrainName(TimeExpression time) =>
        (time.Time ?? time.To ?? time.From)?.Grain switch
        {
            TimeGrain.Second => "second",
            TimeGrain.Minute => "minute",
            _ => "hour",
        };

    internal static string? Resolve(TimeExpression time, AnnotationContext context)
    {
        if (time.Day is { } day)
        {
            return context.Reference is { } reference ? ResolveOn(time, DayOf(day, reference, context), context) : null;
        }

        if (context.AnchorBareTimes)
        {
            if (context.Reference is not { } reference)
            {
                return null;
            }

            if (time.Time is { } clock && time.Qualifier is null or "approx")
            {
                var next = NextOccurrence(clock, reference);
                return Instant(next.TimeOfDay, next.Date);
            }

            return ResolveOn(time, reference.Date, context);
        }

        return Render(time, null, context);
    }

    internal static string ResolveOn(TimeExpression time, DateTime day, AnnotationContext context) => Render(time, day, context)!;

    /// <summary>
    /// Duckling's reading of a bare time: the first occurrence from the start of the reference hour
    /// ("at 3am" said at 04:30 is tomorrow's; "3:30" is 15:30 today).
    /// </summary>
    private static DateTime NextOccurrence(ClockTime clock, DateTime reference)
    {
        var hourStart = reference.Date.AddHours(reference.Hour);
        var readings = clock.Ambiguous ? new[] { clock, clock.Afternoon } : [clock];
        for (var days = 0; days < 2; days++)
        {
            foreach (var reading in readings)
            {
                var candidate = reference.Date.AddDays(days) + reading.OfDay;
                if (candidate >= hourStart)
                {
                    return candidate;
                }
            }
        }

        return reference.Date.AddDays(1) + clock.OfDay;
    }

    /// <summary>A relative day or weekday: the next such weekday with <see cref="AnnotationContext.PreferFutureDates"/> (Duckling), the nearest otherwise.</summary>
    private static DateTime DayOf(DayReference day, DateTime reference, AnnotationContext context)
    {
        if (day.Weekday is not { } weekday)
        {
            return reference.Date.AddDays(day.Offset);
        }

        var diff = ((int)weekday - (int)reference.DayOfWeek + 7) % 7;
        if (!context.PreferFutureDates && diff > 3)
        {
            diff -= 7;
        }

        return reference.Date.AddDays(diff);
    }

    /// <summary>The value as a time of day (day null) or on a day.</summary>
    private static string? Render(TimeExpression time, DateTime? day, AnnotationContext context)
    {
        // Duckling gives an interval's end one grain past its last instant.
        var exclusiveEnds = context.ExclusiveIntervalEnds;
        if (time.Time is { } clock)
        {
            var at = Instant(clock.OfDay, day);
            return time.Qualifier switch
            {
                "after" or "since" => at + "/..",
                "before" or "until" => "../" + at,
                _ => at,
            };
        }

        if (time.From is { } from && time.To is { } to)
        {
            var end = to.OfDay;
            if (exclusiveEnds)
            {
                end += to.Grain == TimeGrain.Hour && from.Grain == TimeGrain.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(1);
            }

            if (day is { } d && end <= from.OfDay)
            {
                end += TimeSpan.FromDays(1); // "11pm to 2am" ends the next day
            }

            return Instant(from.OfDay, day) + "/" + Instant(end, day);
        }

        if (time.Part is { } part)
        {
            var hours = context.AnchorBareTimes ? part.Anchored : part.Clock;
            if (context.AnchorBareTimes && time.Qualifier == "after" && part.AfterAnchored.Count == 2)
            {
                return Instant(TimeSpan.FromHours(part.AfterAnchored[0]), day) + "/" + Instant(TimeSpan.FromHours(part.AfterAnchored[1]), day);
            }

            double from2 = hours[0], to2 = hours[1];
            if (time.Qualifier == "start")
            {
                to2 = (from2 + to2) / 2;
            }
            else if (time.Qualifier == "end")
            {
                from2 = (from2 + to2) / 2;
            }

            var start = Instant(TimeSpan.FromHours(from2), day);
            var finish = to2 >= 24 && (day is null || !context.AnchorBareTimes)
                ? Instant(new TimeSpan(23, 59, 59), day)
                : Instant(TimeSpan.FromHours(to2), day);

            // "after dinner" starts when dinner ends; "before lunch" ends when lunch starts.
            return time.Qualifier switch
            {
                "after" or "since" => finish + "/..",
                "before" or "until" => "../" + start,
                _ => start + "/" + finish,
            };
        }

        return null;
    }

    /// <summary>"T15:30" or "2013-02-12T15:30" (a span of a day or more rolls over to the following days).</summary>
    private static string Instant(TimeSpan ofDay, DateTime? day)
    {
        var seconds = ofDay.Seconds > 0 ? ":ss" : "";
        if (day is { } d)
        {
            return (d + ofDay).ToString("yyyy-MM-dd'T'HH:mm" + seconds, CultureInfo.InvariantCulture);
        }

        return "T" + new DateTime(1, 1, 1).Add(ofDay).ToString("HH:mm" + seconds, CultureInfo.InvariantCulture);
    }

    private static int WordEnd(string text, int position)
    {
        var end = position;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end;
    }
}
