using System.Globalization;
using System.Text.RegularExpressions;

namespace Normalize.Core.Units.Dates;

/// <summary>
/// The date grammar: a small recursive-descent parser over the tokens after a candidate word.
/// Expressions are parsed into calendar fields first (so the two ends of "July 13-15" can share a
/// month) and resolved against the reference date last. One parser per candidate position.
/// </summary>
internal sealed partial class DateParser
{
    /// <summary>Calendar fields as written; missing ones are completed from the reference or the other end of an interval.</summary>
    private sealed record Cal(int? Year = null, int? Month = null, int? Day = null, int? Weekday = null)
    {
        public TimeSpan? Time { get; init; }
        public bool Seconds { get; init; }
    }

    /// <summary>A parsed piece: tokens up to <see cref="End"/> (exclusive), as fields or as a resolved value.</summary>
    private readonly record struct Parsed(int End, Cal? Cal, DateValue? Value);

    private readonly string _text;
    private readonly List<DateToken> _t;
    private readonly AnnotationContext _context;
    private readonly DateTime? _referenceValue;

    /// <summary>The reference date; reading it marks the result as completed from it.</summary>
    private DateTime? ReferenceDate
    {
        get
        {
            UsedReference = true;
            return _referenceValue;
        }
    }

    /// <summary>True once a field was taken from the reference date.</summary>
    public bool UsedReference { get; private set; }
    private readonly DateWords _words;

    public DateParser(string text, int position, AnnotationContext context, DateWords words)
    {
        _text = text;
        _t = DateToken.Window(text, position);
        _context = context;
        _referenceValue = context.Reference;
        _words = words;
    }

    /// <summary>The expression at the window's start: its value, first and last character.</summary>
    public bool TryParse(out DateValue value, out int start, out int end)
    {
        value = null!;
        start = end = 0;
        if (_t.Count == 0 || InsideNumber())
        {
            return false;
        }

        if (TryExpression(0, out var found, out var next))
        {
            value = found;
            // "at 13:00 February 28": the "at" stays out of the span but by the Duckling convention.
            var first = IsLeadingArticle(0) || (!_context.SpanIncludesPreposition && (IsWord(0, "at") || IsPunct(0, "@")) && next > 1 && NowWords(0) is null) ? 1 : 0;
            start = _t[first].Start;
            end = _t[next - 1].End;
            return EndsCleanly(next);
        }

        // A preposition before the date: part of the span only by the Duckling convention.
        if (IsWord(0, "at", "on", "in", "during", "around", "about", "for", "of", "from") && TryExpression(1, out found, out next) && EndsCleanly(next))
        {
            value = found;
            start = _context.SpanIncludesPreposition ? _t[0].Start : _t[IsLeadingArticle(1) ? 2 : 1].Start;
            if (IsWord(0, "around") && value.Qualifier is null && !_context.PreferFutureDates)
            {
                value = value with { Qualifier = "approx" };
                start = _t[0].Start;
            }

            end = _t[next - 1].End;
            return true;
        }

        return false;
    }

    /// <summary>
    /// "the" before "next quarter", "end of 1989", "year 2008" is not part of the date's span (RT); it is
    /// before a day or an ordinal ("the 18th", "the last week of July"), and always by the Duckling convention.
    /// </summary>
    private bool IsLeadingArticle(int i) =>
        !_context.SpanIncludesPreposition && IsWord(i, "the") && IsWord(i + 1)
        && (_words.Shifts.ContainsKey(_t[i + 1].Text) && !(_t[i + 1].Text == "last" && IsWord(i + 3, "of", "in")) && !IsWord(i + 2, "day")
            || _t[i + 1].Text == "same"
            || _t[i + 1].Text is "end" or "middle" or "beginning" or "start" or "year" or "cy" or "mid" or "early" or "late");

    /// <summary>A number that continues another ("04/05/2024" read from "05", "+86 2010-2015-86", "1.2019").</summary>
    private bool InsideNumber()
    {
        var s = _t[0].Start;
        return _t[0].IsNumber && s >= 2 && _text[s - 1] is '/' or '-' or '.' or ':' or ',' && char.IsAsciiDigit(_text[s - 2]);
    }

    /// <summary>The span must not end inside a word or number ("May 2019abc", "2019.5").</summary>
    private bool EndsCleanly(int next) =>
        next >= _t.Count || _t[next].SpaceBefore || _t[next].Kind == TokenKind.Punct && !(next + 1 < _t.Count && !_t[next + 1].SpaceBefore
            && (_t[next].Text is "." or "," or "-" or "/" or ":" && _t[next + 1].IsNumber && _t[next - 1].IsNumber
                || _t[next].Text is "-" && _t[next + 1].IsWord)); // "Mar-a-Lago"

    // ---- expressions: qualifiers, intervals, compositions ------------------------------------------------

    private bool TryExpression(int i, out DateValue value, out int end)
    {
        value = null!;
        end = i;
        if (TryCountedFrom(i, out value, out end) || TryMoreThanBefore(i, out value, out end) || TryQualified(i, out value, out end))
        {
            return true;
        }

        if (TryInterval(i, out value, out end))
        {
            return true;
        }

        if (!TryComposed(i, out var p))
        {
            return false;
        }

        if (Resolve(p) is not { } v)
        {
            return false;
        }

        value = v;
        end = p.End;
        // "2012 or later", "1/1/2016 and after"
        if (IsWord(end, "or", "and") && IsWord(end + 1, "later", "after", "onwards") && !IsNumber(end + 2))
        {
            value = OpenAfter(value, "since");
            end += 2;
        }
        else if (IsWord(end, "onwards", "onward"))
        {
            value = OpenAfter(value, "since");
            end += 1;
        }

        return true;
    }

    /// <summary>
    /// A stretch of N units from a date: "for 10 days from 18th Dec", "3 days starting from next Monday",
    /// "for 1 week, from 20th dec", "18th Dec for 10 days".
    /// </summary>
    private bool TryCountedFrom(int i, out DateValue value, out int end)
    {
        value = null!;
        end = i;
        var k = IsWord(i, "for") ? i + 1 : i;
        if (TryCount(k, out var count, out var afterCount) && GrainAt(afterCount) is { } g && g.Unit >= Grain.Day)
        {
            var a = afterCount + 1;
            a = IsPunct(a, ",") ? a + 1 : a;
            var lead = IsWord(a, "starting") && IsWord(a + 1, "from") ? 2 : IsWord(a, "starting", "beginning") || (k > i && IsWord(a, "from")) ? 1 : 0;
            if (k > i && IsWord(a, "starting", "beginning"))
            {
                return false; // "for 3 days starting Monday": the span starts at the count (RT)
            }

            if (lead > 0 && TryComposed(a + lead, out var anchor) && Resolve(anchor) is { IsInterval: false } start && start.From.Grain == Grain.Day)
            {
                value = Stretch(start.From, g, count);
                end = anchor.End;
                return true;
            }

            return false;
        }

        if (k == i && TryComposed(i, out var first) && IsWord(first.End, "for") && TryCount(first.End + 1, out count, out afterCount)
            && GrainAt(afterCount) is { } g2 && g2.Unit >= Grain.Day && Resolve(first) is { IsInterval: false } from && from.From.Grain == Grain.Day)
        {
            value = Stretch(from.From, g2, count);
            end = afterCount + 1;
            return true;
        }

        return false;
    }

    /// <summary>"more than 2 weeks before today", "more than 2 weeks after today": open from the shifted day.</summary>
    private bool TryMoreThanBefore(int i, out DateValue value, out int end)
    {
        value = null!;
        end = i;
        if (!IsWord(i, "more") || !IsWord(i + 1, "than") || !TryCount(i + 2, out var count, out var afterCount) || GrainAt(afterCount) is not { } g
            || !IsWord(afterCount + 1, "before", "after") || !TryComposed(afterCount + 2, out var anchor) || Resolve(anchor) is not { IsInterval: false } a)
        {
            return false;
        }

        var before = IsWord(afterCount + 1, "before");
        var shifted = new Period(Period.Add(a.From.Start, g.Unit, (before ? -1 : 1) * count * g.Count), a.From.Grain == Grain.Week ? Grain.Day : a.From.Grain);
        value = before ? OpenBefore(DateValue.Of(shifted), "before") : new DateValue(shifted, null, true, "after", OpenEnd: true);
        end = anchor.End;
        return true;
    }

    /// <summary>N units from a day: the last day is N units on, less one (Duckling counts N whole days after the first).</summary>
    private DateValue Stretch(Period day, GrainWord unit, int count)
    {
        var n = count * unit.Count;
        var after = Period.Add(day.Start, unit.Unit, n);
        var last = _context.ExclusiveIntervalEnds ? after : after.AddDays(-1);
        return DateValue.Span(day, new Period(last, Grain.Day));
    }

    /// <summary>"since X", "before X", "after X", "until X", "no later than X", "starting X".</summary>
    private bool TryQualified(int i, out DateValue value, out int end)
    {
        value = null!;
        end = i;
        var k = i;
        if (IsWord(k, "anytime", "sometime", "sometimes", "any") && IsWord(k + 1, "before", "after", "since", "until", "till"))
        {
            k++;
        }

        string? qualifier = null;
        var after = false;
        if (IsWord(k, "since"))
        {
            (qualifier, after, k) = ("since", true, k + 1);
        }
        else if (IsWord(k, "starting") || (IsWord(k, "as") && IsWord(k + 1, "early") && IsWord(k + 2, "as")))
        {
            k += IsWord(k, "starting") ? 1 : 3;
            if (IsWord(k, "from", "on"))
            {
                k++;
            }

            (qualifier, after) = ("since", true);
        }
        else if (IsWord(k, "after") || (IsWord(k, "later") && IsWord(k + 1, "than")))
        {
            (qualifier, after, k) = ("after", true, k + (IsWord(k, "after") ? 1 : 2));
        }
        else if (IsWord(k, "by") && k == i)
        {
            (qualifier, k) = ("by", k + 1);
        }
        else if (IsWord(k, "before", "until", "till", "til", "untill", "through", "thru") || (IsWord(k, "earlier") && IsWord(k + 1, "than")))
        {
            (qualifier, k) = ("before", k + (IsWord(k, "earlier") ? 2 : 1));
        }
        else if (IsWord(k, "no", "not") && IsWord(k + 1, "later") && IsWord(k + 2, "than"))
        {
            (qualifier, k) = ("before", k + 3);
        }
        else if (IsWord(k, "as") && IsWord(k + 1, "late") && IsWord(k + 2, "as"))
        {
            (qualifier, k) = ("until", k + 3);
        }

        if (qualifier is null)
        {
            return false;
        }

        if (IsWord(k, "date") && qualifier == "before" && _context.NowIsDate && ReferenceDate is { } today)
        {
            // "till date": up to the reference day
            value = OpenBefore(DateValue.Of(new Period(today.Date, Grain.Day)), qualifier);
            end = k + 1;
            return true;
        }

        if (IsWord(k, "the") && IsWord(k + 1, "year") && Year(k + 2) is { } y)
        {
            value = Qualify(DateValue.Of(new Period(new DateTime(y, 1, 1), Grain.Year)), qualifier, after);
            end = k + 3;
            return true;
        }

        // "after 5 days": counted from the reference, by the bench conventions
        if (qualifier is "after" or "before" && _context.CountedOffsetsFromReference && TryCount(k, out var count, out var afterCount)
            && GrainAt(afterCount) is { } unit && !IsWord(afterCount + 1, "ago", "of", "from", "later", "before", "after") && ReferenceDate is { } now)
        {
            value = Qualify(Shifted(now, unit.Unit, (qualifier == "after" ? 1 : -1) * count * unit.Count), qualifier, after);
            end = afterCount + 1;
            return true;
        }

        if (!TryComposed(k, out var p) || Resolve(p) is not { } v)
        {
            return false;
        }

        // "after Friday's earthquake": the date names the event, the bound is on the event.
        if (IsPunct(p.End, "'", "’") && IsWord(p.End + 1, "s") && !_t[p.End].SpaceBefore)
        {
            return false;
        }

        value = Qualify(v, qualifier, after);
        end = p.End;
        return true;
    }

    private DateValue Qualify(DateValue v, string qualifier, bool after) => after ? OpenAfter(v, qualifier) : OpenBefore(v, qualifier);

    private DateValue OpenAfter(DateValue v, string qualifier)
    {
        // RT marks the part: "since the end of 1989" is since-end, "after the beginning of March" after-start.
        if (v.Whole is { } whole && v.Part is { } part)
        {
            var marked = _context.PeriodsAsDayRanges ? $"{qualifier}-{part}" : qualifier;
            var start = qualifier == "after" && part == "start" ? whole : v.From;
            return new DateValue(start, null, true, marked, OpenEnd: true);
        }

        var from = v.IsInterval && v.To is { } to && qualifier == "after" ? to : v.From;
        // RT reads "later than 2020" as from 2021: after a month or longer starts when it ends.
        if (qualifier == "after" && _context.PeriodsAsDayRanges && from.Grain >= Grain.Month)
        {
            from = from.Shift(1);
        }

        return new DateValue(from, null, true, qualifier, OpenEnd: true);
    }

    private DateValue OpenBefore(DateValue v, string qualifier)
    {
        if (qualifier == "by" && _context.ExclusiveIntervalEnds && ReferenceDate is { } now)
        {
            // Duckling: "by the end of the month" runs from now to the end.
            var last = v.Whole ?? v.To ?? v.From;
            return new DateValue(Period.Containing(now, Grain.Minute), new Period(last.End.AddMinutes(-1), Grain.Minute), true);
        }

        qualifier = qualifier == "by" ? "before" : qualifier;
        if (v.Whole is { } whole && v.Part == "end")
        {
            // "before the end of the year": RT bounds it by the end (before-end); news by its last day.
            return _context.PeriodsAsDayRanges
                ? new DateValue(new Period(whole.End, Grain.Day), null, true, qualifier + "-end", OpenStart: true)
                : new DateValue(new Period(whole.End.AddDays(-1), Grain.Day), null, true, qualifier, OpenStart: true);
        }

        return new(v.From, null, true, qualifier, OpenStart: true);
    }

    /// <summary>"from A to B", "between A and B", "A - B", "A through B", with fields shared ("July 13-15", "13 to 15 July").</summary>
    private bool TryInterval(int i, out DateValue value, out int end)
    {
        value = null!;
        end = i;
        var k = i;
        var between = false;
        if (IsWord(k, "from"))
        {
            k++;
        }
        else if (IsWord(k, "between"))
        {
            (between, k) = (true, k + 1);
        }

        if (!TryBareDayBeforeSeparator(k, out var a) && !TryEndpoint(k, out a))
        {
            return false;
        }

        var s = a.End;
        if (between ? !IsWord(s, "and") : !(IsPunct(s, "-", "–", "~") || IsWord(s, "to", "through", "thru", "till", "til", "until", "untill")))
        {
            return false;
        }

        if (!TryEndpoint(s + 1, out var b))
        {
            return false;
        }

        // "rose from 12 to 16": two bare numbers are not dates.
        if (a.Cal is { Month: null, Year: null, Weekday: null } && b.Cal is { Month: null })
        {
            return false;
        }

        // Share fields: "July 13-15", "13 to 15 July", "Nov 18-Dec 19, 2015", "5/1-5/7, 2020".
        var ca = a.Cal;
        var cb = b.Cal;
        if (cb is { Year: null, Month: not null, Day: not null } && IsPunct(b.End, ",") && Year(b.End + 1) is { } sharedYear)
        {
            cb = cb with { Year = sharedYear };
            b = b with { End = b.End + 2 };
        }

        if (ca is not null && cb is not null)
        {
            if (ca.Day is not null && ca.Month is null && cb.Month is not null && ca.Weekday is null)
            {
                ca = ca with { Month = cb.Month };
            }

            if (cb.Day is not null && cb.Month is null && ca.Month is not null && cb.Weekday is null && cb.Time is null)
            {
                cb = cb with { Month = ca.Month, Year = cb.Year ?? ca.Year };
            }

            if (ca.Year is null && cb.Year is not null && ca.Month is not null)
            {
                ca = ca with { Year = cb.Year };
            }

            if (ca.Month is null && ca.Year is null && ca.Weekday is null || cb.Month is null && cb.Year is null && cb.Weekday is null && cb.Time is null)
            {
                return false;
            }
        }
        else if (ca is { Month: null, Year: null, Weekday: null } || cb is { Month: null, Year: null, Weekday: null })
        {
            return false;
        }

        // "from now until 3 min later": "now" is as fine as the other end.
        if (a.Value is { Part: "now" } && b.Value is { IsInterval: false } fineEnd && fineEnd.From.Grain < Grain.Day && ReferenceDate is { } nowA)
        {
            a = a with { Value = DateValue.Of(Period.Containing(nowA, fineEnd.From.Grain)) };
        }

        var va = ca is not null ? ResolveCal(ca, pastOnly: b.Value?.Part == "now") : a.Value;
        var vb = cb is not null ? ResolveCal(cb, ca is not null ? ResolveCal(ca) : null) : b.Value;
        if (cb is { Weekday: { } endDay, Day: null, Month: null } && va is { IsInterval: false } startValue && startValue.From.Grain == Grain.Day)
        {
            // "from next monday to friday": the first such weekday from the start.
            var startDay = startValue.From.Start;
            vb = DateValue.Of(new Period(startDay.AddDays((endDay - Period.IsoWeekday(startDay) + 7) % 7), Grain.Day));
        }

        if (va is null || vb is null || vb.From.Start < va.From.Start)
        {
            return false;
        }

        // "from 2007 to the end of 2008": an end named by its part is the whole period (RT: the instant it ends).
        var first = va.Whole is { } wa && va.Part == "end" && _context.PeriodsAsDayRanges ? wa.Shift(1) : va.From;
        var last = vb.Whole is { } wb && vb.Part == "end" ? (_context.PeriodsAsDayRanges ? wb.Shift(1) : wb) : vb.IsInterval ? vb.To ?? vb.From : vb.From;
        value = new DateValue(first, last, true);
        end = b.End;
        return true;
    }

    /// <summary>"1-8 september", "13 to 15 July": a day number whose month comes after the other end.</summary>
    private bool TryBareDayBeforeSeparator(int i, out Parsed p)
    {
        p = default;
        var k = IsWord(i, "the") ? i + 1 : i;
        if (DayNumber(k, out var day, out var next) && (IsPunct(next, "-", "–") || IsWord(next, "to", "through", "till", "until", "and"))
            && Month(next + 1) is null && !(IsNumber(next + 1) && IsPunct(next + 2, "/", "-")))
        {
            p = new Parsed(next, new Cal(Day: day), null);
            return true;
        }

        return false;
    }

    /// <summary>An end of an interval: a date, "now"/"today"/"date" (the reference), or a bare day number completed from the other end.</summary>
    private bool TryEndpoint(int i, out Parsed p)
    {
        if (IsWord(i, "now", "date", "today") && ReferenceDate is { } now)
        {
            p = new Parsed(i + 1, null, DateValue.Of(new Period(now.Date, Grain.Day)) with { Part = "now" });
            return true;
        }

        if (TryComposed(i, out p))
        {
            return true;
        }

        var k = IsWord(i, "the") ? i + 1 : i;
        if (DayNumber(k, out var day, out var next))
        {
            p = new Parsed(next, new Cal(Day: day), null);
            return true;
        }

        return false;
    }

    /// <summary>A single date with an optional time ("tomorrow at 3pm", "March 3 at 15:00", "5pm on Friday").</summary>
    private readonly Dictionary<int, Parsed?> _composed = [];

    private bool TryComposed(int i, out Parsed p)
    {
        if (!_composed.TryGetValue(i, out var known))
        {
            known = ParseComposed(i, out var found) ? found : null;
            _composed[i] = known;
        }

        p = known ?? default;
        return known is not null;
    }

    private bool ParseComposed(int i, out Parsed p)
    {
        // Time first: "13:00 February 28, 2013", "11:30 am to 12:30 december 27th", "from 5 to 6pm of April 22";
        // bare hours only when a day follows ("between 3 and 8 yesterday", "6-8 next Monday").
        var timeLed = i < _t.Count && (IsNumber(i) || IsWord(i, "at", "from", "between", "noon", "midnight") || IsPunct(i, "@"));
        foreach (var afterDate in (ReadOnlySpan<bool>)[false, true])
        {
            if (timeLed && TimeOfDay.TryMatch(_text, _t[i].Start, afterDate, out var led) && led.Day is null && TokenEndingAt(led.End) is { } ledEnd)
            {
                var d = IsPunct(ledEnd, ",") ? ledEnd + 1 : ledEnd;
                d = IsWord(d, "on", "of") ? d + 1 : d;
                // Bare hours only as a range before a relative day or weekday ("12 May the second" is a date).
                if (d < _t.Count && _t[d].SpaceBefore && TrySingle(d, out var day) && DayOf(day) is { } date
                    && (!afterDate || led.IsRange && day.Cal is null or { Month: null }))
                {
                    p = new Parsed(day.End, null, Timed(date, led.IsoOn(date, _context)) with { Qualifier = BoundOf(led) });
                    return true;
                }
            }
        }

        var k = IsWord(i, "at") || IsPunct(i, "@") ? i + 1 : i;
        if (TryClock(k, out var time, out var seconds, out var afterTime))
        {
            var d = IsPunct(afterTime, ",") ? afterTime + 1 : afterTime;
            d = IsWord(d, "on") ? d + 1 : d;
            if (d > afterTime || _t.Count > d && _t[d].SpaceBefore)
            {
                if (TrySingle(d, out var day) && WithTime(day, time, seconds) is { } timed)
                {
                    p = timed with { End = day.End };
                    return true;
                }
            }
        }

        if (!TrySingle(i, out p))
        {
            return false;
        }

        // Date then time: "tomorrow at 3pm", "monday morning", "Thursday from 9:30 until 11:00", ", at 5:28 AM".
        var t = IsPunct(p.End, ",") ? p.End + 1 : p.End;
        if (t < _t.Count && Year(t) is null && DayOf(p) is { } on && TimeOfDay.TryMatch(_text, _t[t].Start, afterDate: true, out var after) && after.Day is null
            && TokenEndingAt(WithoutFullStop(after.End)) is { } afterEnd && EndsCleanly(afterEnd))
        {
            p = new Parsed(afterEnd, null, Timed(on, after.IsoOn(on, _context)) with { Qualifier = BoundOf(after) });
            return true;
        }

        // "previous Tuesday by 2 in the afternoon": a time bound put on the date
        if (IsWord(t, "by") && t + 1 < _t.Count && DayOf(p) is { } byDay && TimeOfDay.TryMatch(_text, _t[t + 1].Start, afterDate: true, out var byTime)
            && byTime.Day is null && !byTime.IsRange && TokenEndingAt(WithoutFullStop(byTime.End)) is { } byEnd && EndsCleanly(byEnd))
        {
            p = new Parsed(byEnd, null, OpenBefore(Timed(byDay, byTime.IsoOn(byDay, _context)), "before"));
            return true;
        }

        t = IsWord(t, "at", "around", "by") || IsPunct(t, "@") ? t + 1 : t;
        if (TryClock(t, out time, out seconds, out var timeEnd) && EndsCleanly(timeEnd) && WithTime(p, time, seconds) is { } withTime)
        {
            p = withTime with { End = timeEnd };
            // "Wed Oct 26 15:50:06 2016": the year after the time
            if (p.Cal is { Year: null } timedCal && Year(timeEnd) is { } lateYear)
            {
                p = p with { Cal = timedCal with { Year = lateYear }, End = timeEnd + 1 };
            }
        }

        return true;
    }

    /// <summary>
    /// A time put on a day by TimeOfDay: an instant becomes a minute (or second) period that can be
    /// qualified and joined like any date; a range or part of day keeps TimeOfDay's rendering.
    /// </summary>
    internal static DateValue Timed(DateTime day, string iso)
    {
        if (LocalMinuteOrSecond(iso) is { } at)
        {
            return DateValue.Of(new Period(at, at.Second > 0 ? Grain.Second : Grain.Minute));
        }

        return DateValue.Of(new Period(day, Grain.Minute)) with { Iso = iso };
    }

    /// <summary>
    /// "yyyy-MM-ddTHH:mm" or "yyyy-MM-ddTHH:mm:ss" read by position (the only shapes TimeOfDay renders for an
    /// instant); anything else, an interval included, is null. Cheaper than DateTime.TryParseExact on a hot path.
    /// </summary>
    private static DateTime? LocalMinuteOrSecond(string iso)
    {
        if (iso.Length is not (16 or 19) || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' || (iso.Length == 19 && iso[16] != ':'))
        {
            return null;
        }

        static int? Part(string s, int start, int length) =>
            int.TryParse(s.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

        if (Part(iso, 0, 4) is not { } year || Part(iso, 5, 2) is not { } month || Part(iso, 8, 2) is not { } day
            || Part(iso, 11, 2) is not { } hour || Part(iso, 14, 2) is not { } minute)
        {
            return null;
        }

        var second = iso.Length == 19 ? Part(iso, 17, 2) : 0;
        if (second is null || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        return new DateTime(year, month, day, hour, minute, second.Value);
    }

    /// <summary>TimeOfDay's bound ("before 4pm", "later than 10") carried to the date it is put on.</summary>
    private static string? BoundOf(TimeExpression time) => time.Qualifier is "before" or "after" or "since" or "until" ? time.Qualifier : null;

    /// <summary>A time that ends the sentence ("at 3pm.") leaves the full stop out; "3 p.m." keeps its own.</summary>
    private int WithoutFullStop(int end) =>
        end >= 3 && _text[end - 1] == '.' && char.IsLetter(_text[end - 2]) && _text[end - 3] != '.' ? end - 1 : end;

    /// <summary>The day a parsed date names, if it names one day (a time can be put on it).</summary>
    private DateTime? DayOf(Parsed p)
    {
        if (p.Cal is { Time: null } cal && (cal.Day is not null || cal.Weekday is not null))
        {
            return ResolveCal(cal) is { IsInterval: false, From.Grain: Grain.Day } v ? v.From.Start : null;
        }

        return p.Value is { IsInterval: false, Iso: null } value && value.From.Grain == Grain.Day ? value.From.Start : null;
    }

    private Parsed? WithTime(Parsed p, TimeSpan time, bool seconds)
    {
        if (p.Cal is { } cal && (cal.Day is not null || cal.Weekday is not null))
        {
            return p with { Cal = cal with { Time = time, Seconds = seconds } };
        }

        if (p.Value is { IsInterval: false } v && v.From.Grain <= Grain.Day)
        {
            var at = v.From.Start.Date + time;
            return p with { Value = DateValue.Of(new Period(at, seconds ? Grain.Second : Grain.Minute)) };
        }

        return null;
    }

    /// <summary>Clock times: "5:28 AM", "3pm", "15:00", "19h00", "19h", "8.30pm". Bare numbers are not times.</summary>
    private bool TryClock(int i, out TimeSpan time, out bool seconds, out int end)
    {
        time = default;
        seconds = false;
        end = i;
        if (!IsNumber(i) || _t[i].Text.Length > 2)
        {
            return false;
        }

        var hour = Int(_t[i].Text);
        var minute = 0;
        var second = 0;
        var k = i + 1;
        var hasMinutes = false;
        if ((IsPunct(k, ":") || IsPunct(k, ".") || IsWordExact(k, "h")) && !_t[k].SpaceBefore && IsNumber(k + 1) && _t[k + 1].Text.Length == 2 && !_t[k + 1].SpaceBefore)
        {
            minute = Int(_t[k + 1].Text);
            k += 2;
            hasMinutes = true;
            if (IsPunct(k, ":") && !_t[k].SpaceBefore && IsNumber(k + 1) && _t[k + 1].Text.Length == 2)
            {
                second = Int(_t[k + 1].Text);
                k += 2;
                seconds = second > 0;
            }
        }
        else if (IsWordExact(k, "h") && !_t[k].SpaceBefore)
        {
            k++;
            hasMinutes = true; // "19h"
        }

        var dotOnly = hasMinutes && IsPunct(i + 1, ".");
        if (TryMeridiem(k, out var pm, out var afterMeridiem))
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = hour % 12 + (pm ? 12 : 0);
            k = afterMeridiem;
        }
        else if (!hasMinutes || dotOnly || hour > 23)
        {
            return false;
        }

        if (minute > 59)
        {
            return false;
        }

        time = new TimeSpan(hour, minute, second);
        end = k;
        return true;
    }

    private bool TryMeridiem(int k, out bool pm, out int end)
    {
        pm = false;
        end = k;
        if (!IsWord(k))
        {
            return false;
        }

        var w = _t[k].Text;
        if (w is "am" or "pm" or "a" or "p")
        {
            pm = w[0] == 'p';
            end = k + 1;
            // "p.m.", "a.m"
            if (IsPunct(end, ".") && !_t[end].SpaceBefore && IsWordExact(end + 1, "m") && !_t[end + 1].SpaceBefore)
            {
                end += 2;
                if (IsPunct(end, ".") && !_t[end].SpaceBefore)
                {
                    end++;
                }
            }
            else if (w.Length == 1 && !(IsPunct(end, ".") && !_t[end].SpaceBefore))
            {
                return false;
            }
            else if (w.Length == 1)
            {
                end++;
            }

            return true;
        }

        return false;
    }
}
