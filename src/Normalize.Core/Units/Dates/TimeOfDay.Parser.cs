namespace Normalize.Core.Units.Dates;

public static partial class TimeOfDay
{
    /// <summary>How sure a reading is a time of day by its own shape.</summary>
    private enum Strength
    {
        /// <summary>A bare number ("at 5", "6.45", "1140"): a time only after a date or with am/pm or a part of day.</summary>
        Weak,

        /// <summary>"20h", "at three twenty": a time after "at" or a date.</summary>
        Shaped,

        /// <summary>"3pm", "15:30", "noon", "half past four", "7 o'clock".</summary>
        Strong,
    }

    /// <param name="Compact">"1140", "6.45": digits that read as a time only with am/pm or "in the evening".</param>
    private readonly record struct Point(ClockTime Clock, int End, Strength Strength, bool AtLed, bool Compact = false);

    private static readonly HashSet<string> RangeWords = new(StringComparer.OrdinalIgnoreCase) { "to", "till", "until", "untill", "through", "thru" };

    /// <summary>Recursive-descent reader over one text; every method returns null (or -1) when its form is not here.</summary>
    private sealed class Parser(string text, TimeRules rules, bool afterDate)
    {
        /// <summary>A one-letter "a"/"p" may mark the half of the day here ("at 3p", "9a to 11a", "3:15p"), not after a bare "4a".</summary>
        private bool _letterMeridiem;

        public TimeExpression? Expression(int start)
        {
            string? qualifier = null;
            TimeExpression? expression;
            if (rules.QualifierPhrases.TryMatch(text, start, out var q, out var qEnd) && Space(qEnd) is var next && next > qEnd)
            {
                // "around 7pm", "after 6PM", "after dinner"; "about between 9 and 10" leaves the qualifier
                // out (the range starts later).
                qualifier = q;
                expression = PointExpression(next, qualified: true) ?? QualifiedPart(next, q);
            }
            else
            {
                expression = RangeExpression(start) ?? PointExpression(start, qualified: false) ?? PartExpression(start);
            }

            if (expression is null)
            {
                return null;
            }

            // "later than 3:30pm but before 6pm": two bounds make a range.
            if (qualifier is "after" or "since" && expression.Time is { } lower && Space(expression.End) is var b && b > expression.End
                && WordIn(b, ["but", "and"]) is > 0 and var butEnd && Space(butEnd) is var u && u > butEnd
                && rules.QualifierPhrases.TryMatch(text, u, out var upperBound, out var upperEnd) && upperBound == "before"
                && PointExpression(Space(upperEnd), qualified: true) is { Time: { } upper, Day: null } upperTime && upper.OfDay > lower.OfDay)
            {
                return new TimeExpression { Start = start, BodyStart = start, End = upperTime.End, From = lower, To = upper };
            }

            // "3pm approximately", "1-2:30 ish"
            var end = expression.End;
            if (Space(end) is var s && s > end && WordIn(s, ["approximately", "ish"]) is > 0 and var approxEnd)
            {
                end = approxEnd;
                qualifier ??= "approx";
            }

            // "at 3pm" spans "3pm" (RT, news); "at lunchtime" keeps its "at".
            var bodyStart = qualifier is null && expression.Time is not null && (Word(start, "at") > 0 || Word(start, "for") > 0 || text[start] == '@')
                ? Space(start + (text[start] == '@' ? 1 : Word(start, "for") > 0 ? 3 : 2))
                : start;
            return expression with { Start = start, BodyStart = bodyStart, End = end, Qualifier = qualifier ?? expression.Qualifier };
        }

        /// <summary>"from 3 to 5pm", "between 9 and 11 am", "9-11am", "4:00 to 7 o'clock".</summary>
        private TimeExpression? RangeExpression(int start)
        {
            var p = start;
            var between = false;
            if (WordIn(p, ["from", "at"]) is > 0 and var fromEnd && Space(fromEnd) > fromEnd)
            {
                // "from 3 to 5pm"; "(December 12th) at 4 - 6:30 pm"
                p = Space(fromEnd);
            }
            else if ((Word(p, "between") is > 0 and var betweenEnd
                    || (Word(p, "in") is > 0 and var inEnd && Word(Space(inEnd), "between") is > 0 and var inBetweenEnd && (betweenEnd = inBetweenEnd) > 0))
                && Space(betweenEnd) > betweenEnd)
            {
                p = Space(betweenEnd);
                between = true;
            }

            if (ClockPoint(p, allowAt: false, inRange: true) is not { } first
                || (first.Strength == Strength.Weak && p == start && (InNumberList(start, afterWords: false) || AfterMonth(start))))
            {
                return null;
            }

            var c = first.End;
            var afterSpace = Space(c);
            int secondStart;
            if (afterSpace < text.Length && text[afterSpace] is '-' or '–' or '—')
            {
                secondStart = Space(afterSpace + 1);
            }
            else if (afterSpace > c && (WordIn(afterSpace, RangeWords) is > 0 and var toEnd || (between && Word(afterSpace, "and") is > 0 and var andEnd && (toEnd = andEnd) > 0))
                && Space(toEnd) > toEnd)
            {
                secondStart = Space(toEnd);
            }
            else
            {
                return null;
            }

            if (ClockPoint(secondStart, allowAt: false, inRange: true) is not { } second)
            {
                return null;
            }

            var begin = first.Clock;
            var finish = second.Clock;
            var end = second.End;
            var strength = (Strength)Math.Max((int)first.Strength, (int)second.Strength);

            // "9-11am": the stated half of the end applies to a start that has none.
            if (!begin.MeridiemStated && finish.MeridiemStated && begin.Hour < 12)
            {
                begin = finish.Hour >= 12 && begin.Hour + 12 <= finish.Hour ? begin.Afternoon with { MeridiemStated = true } : begin with { Ambiguous = false, MeridiemStated = true };
            }

            // "11:30-1:30", "from 10:30 to 3": an end before the start is its afternoon reading.
            if (finish.Ambiguous && finish.OfDay <= begin.OfDay && finish.Afternoon.OfDay > begin.OfDay)
            {
                finish = finish.Afternoon;
            }

            var (part, day, tail) = Suffixes(end);
            if (part is not null)
            {
                begin = WithPart(begin, part);
                finish = WithPart(finish, part);
                strength = Strength.Strong;
            }

            // One end must be clearly a clock time ("from 3 to 5", "3-1" are not times), or both ends
            // hours with minutes in words after "from"/"between" ("from two thirty to two forty five").
            var shapedPair = p > start && first.Strength >= Strength.Shaped && second.Strength >= Strength.Shaped && !first.Compact && !second.Compact;

            // "between 3 and 8 yesterday": a bare-number range that a day word closes.
            var dayClosed = p > start && day is not null && !first.Compact && !second.Compact;
            if (strength < Strength.Strong && !shapedPair && !dayClosed && !(afterDate && (first.Strength > Strength.Weak || second.Strength > Strength.Weak)))
            {
                return null;
            }

            return new TimeExpression { Start = start, End = tail, From = begin, To = finish, Part = part, Day = day };
        }

        /// <summary>"3pm", "at 15:30", "half past four", "5 in the evening", "3pm tomorrow".</summary>
        private TimeExpression? PointExpression(int start, bool qualified)
        {
            // "from 2pm for 2 hours"
            var from = !qualified && Word(start, "from") is > 0 and var fromEnd && Space(fromEnd) > fromEnd ? Space(fromEnd) : -1;
            if (ClockPoint(from > 0 ? from : start, allowAt: from < 0) is not { } point)
            {
                return null;
            }

            var clock = point.Clock;
            var (part, day, end) = Suffixes(point.End);

            // "134 this afternoon" is a count before a time; "730 in the evening" is a time.
            if (point.Compact && part is not null && day is not null)
            {
                (part, day, end) = (null, null, point.End);
            }

            if (part is not null)
            {
                clock = WithPart(clock, part);
            }

            var sure = point.Strength switch
            {
                Strength.Strong => true,
                Strength.Shaped => part is not null || point.AtLed || afterDate || qualified,
                _ => (part is not null && !InNumberList(start)) || (afterDate && point.AtLed),
            };
            if (!sure)
            {
                return null;
            }

            // "4pm for 30 mins": the range the duration covers.
            if (!qualified && day is null && ForDuration(end) is ({ } length, var durationEnd) && clock.OfDay + length < TimeSpan.FromDays(1))
            {
                var endClock = new ClockTime(0, 0, 0, TimeGrain.Minute, true, false);
                var until = clock.OfDay + length;
                endClock = endClock with { Hour = until.Hours, Minute = until.Minutes, Grain = length.Minutes > 0 || clock.Grain != TimeGrain.Hour ? TimeGrain.Minute : TimeGrain.Hour };
                return new TimeExpression { Start = start, End = durationEnd, From = clock, To = endClock, Part = part };
            }

            return from < 0 ? new TimeExpression { Start = start, End = end, Time = clock, Part = part, Day = day } : null;
        }

        /// <summary>"3:08 to play", "1:24 left", "2:30 remaining": a game clock counting down.</summary>
        private bool CountdownAfter(int end)
        {
            var s = Space(end);
            return s > end && rules.Countdown.TryMatch(text, s, out _, out _);
        }


        /// <summary>The word before <paramref name="start"/> is one of <paramref name="words"/>.</summary>
        private bool PreviousWordIn(int start, string[] words)
        {
            var word = TextScan.PreviousWord(text, start);
            foreach (var candidate in words)
            {
                if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Aug. 9 to 6:30 a.m.": a number right after a month name is its day, not an hour.</summary>
        private bool AfterMonth(int start)
        {
            var p = start - 1;
            while (p >= 0 && text[p] is ' ' or '.')
            {
                p--;
            }

            var wordEnd = p + 1;
            while (p >= 0 && char.IsLetter(text[p]))
            {
                p--;
            }

            return wordEnd > p + 1 && DateWords.Default.Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(text.AsSpan(p + 1, wordEnd - p - 1));
        }

        /// <summary>"junctions 5 and 6 this morning", "rooms 4, 5 in the evening": the number ends a list, it is no hour.</summary>
        private bool InNumberList(int start, bool afterWords = true)
        {
            var p = start - 1;
            while (p >= 0 && text[p] == ' ')
            {
                p--;
            }

            if (p < 0)
            {
                return false;
            }

            if (text[p] is ',' or '-' or '–' || char.IsAsciiDigit(text[p]))
            {
                return true;
            }

            var wordStart = p;
            while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
            {
                wordStart--;
            }

            var word = text.AsSpan(wordStart, p + 1 - wordStart);
            return afterWords && (word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)
                || word.Equals("to", StringComparison.OrdinalIgnoreCase) || word.Equals("of", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>" for 30 mins", " for 3 hours 30 minutes", " for an hour".</summary>
        private (TimeSpan? Length, int End) ForDuration(int end)
        {
            var s = Space(end);
            if (s == end || Word(s, "for") is not (> 0 and var forEnd) || Space(forEnd) == forEnd)
            {
                return (null, end);
            }

            var p = Space(forEnd);
            var total = TimeSpan.Zero;
            var last = -1;
            while (true)
            {
                var count = WordIn(p, ["an", "a"]) is > 0 and var articleEnd ? (1, articleEnd) : Number(p);
                if (count.Item1 <= 0 || Space(count.Item2) is var u && (u == count.Item2 && !(u < text.Length && char.IsLetter(text[u]))))
                {
                    break;
                }

                var unitStart = Space(count.Item2);
                if (WordIn(unitStart, ["hours", "hour", "hrs", "hr", "h"]) is > 0 and var hoursEnd)
                {
                    total += TimeSpan.FromHours(count.Item1);
                    last = hoursEnd;
                }
                else if (WordIn(unitStart, ["minutes", "minute", "mins", "min"]) is > 0 and var minutesEnd)
                {
                    total += TimeSpan.FromMinutes(count.Item1);
                    last = minutesEnd;
                }
                else
                {
                    break;
                }

                p = Space(last);
                if (Word(p, "and") is > 0 and var andEnd)
                {
                    p = Space(andEnd);
                }
            }

            return last > 0 ? (total, last) : (null, end);
        }

        /// <summary>"after dinner", "before lunch": a part of day bounded by a qualifier ("tomorrow" after it stays a date of its own).</summary>
        private TimeExpression? QualifiedPart(int p, string qualifier)
        {
            if (qualifier is not ("after" or "before" or "since" or "until") || !rules.PartWords.TryMatch(text, p, out var part, out var end)
                || (Space(end) is var after && WordIn(after, ["of", "from", "between"]) > 0))
            {
                return null;
            }

            return new TimeExpression { Start = p, End = end, Part = part };
        }

        /// <summary>"this evening", "in the morning", "early in the morning", "at lunchtime".</summary>
        private TimeExpression? PartExpression(int start)
        {
            var p = start;
            string? qualifier = null;
            DayReference? day = null;
            var bare = false;
            if (WordIn(p, ["early"]) is > 0 and var earlyEnd)
            {
                qualifier = "start";
                p = Space(earlyEnd);
            }
            else if (WordIn(p, ["late", "later"]) is > 0 and var lateEnd)
            {
                qualifier = "end";
                p = Space(lateEnd);
            }

            if (Word(p, "this") is > 0 and var thisEnd && qualifier is null)
            {
                p = Space(thisEnd);
                day = new DayReference(0, null);
            }
            else if (Word(p, "in") is > 0 and var inEnd && Space(inEnd) is var theStart && Word(theStart, "the") is > 0 and var theEnd)
            {
                p = Space(theEnd);
            }
            else if (Word(p, "at") is > 0 and var atEnd && qualifier is null)
            {
                p = Space(atEnd);
            }
            else if (!afterDate)
            {
                // A bare "evening" is a time only after a date ("tomorrow evening", "Monday morning").
                return null;
            }
            else
            {
                bare = true;
            }

            // "at lunch(time)" only; "at night"/"at morning" are too loose on their own.
            if (!rules.PartWords.TryMatch(text, p, out var part, out var partEnd) || (Word(start, "at") > 0 && part.Name != "lunchtime"))
            {
                return null;
            }

            // "morning from 10am to 12pm", "evening between 10:30 and 11:45": the part fixes the hours of the range.
            var t = Space(partEnd);
            if (qualifier is null && t > partEnd && RangeExpression(t) is { From: { } from, To: { } to } range)
            {
                return range with { Start = start, From = WithPart(from, part), To = WithPart(to, part), Part = part, Day = day ?? range.Day };
            }

            // "in the evening of his career", "in the night from Tuesday to Wednesday", "this morning's
            // meeting": the part belongs to a longer phrase, not to this day.
            if (WordIn(t, ["of", "from", "between"]) > 0 || (partEnd < text.Length && text[partEnd] is '\'' or '’'))
            {
                return null;
            }

            // "in the afternoon at 7", "this morning @ 10", "in the morning 9 o'clock", "(Sunday) late evening at
            // 10:00": the part fixes the hour.
            if (t > partEnd && ClockPoint(t, allowAt: true) is { } point && (point.AtLed || point.Strength == Strength.Strong))
            {
                var (_, laterDay, end) = Suffixes(point.End);
                return new TimeExpression { Start = start, End = end, Time = WithPart(point.Clock, part), Part = part, Day = day ?? laterDay };
            }

            // "(Monday) early morning" alone has no agreed hours (Duckling 0-9, RT 8-10); "early in the morning" has.
            if (bare && qualifier is not null)
            {
                return null;
            }

            return new TimeExpression { Start = start, End = partEnd, Part = part, Qualifier = qualifier, Day = day };
        }

        /// <summary>A part of day then a simple day after a time: "in the evening", "tonight", "tomorrow", "on Monday".</summary>
        private (PartOfDay? Part, DayReference? Day, int End) Suffixes(int end)
        {
            PartOfDay? part = null;
            DayReference? day = null;
            var s = Space(end);
            if (s > end && PartSuffix(s) is { } found)
            {
                (part, day, end) = found;
                s = Space(end);
            }

            if (day is null && s > end)
            {
                var dayStart = Word(s, "on") is > 0 and var onEnd ? Space(onEnd) : s;
                var wordEnd = WordEnd(text, dayStart);
                var word = text.AsSpan(dayStart, wordEnd - dayStart);
                DayReference? named = word switch
                {
                    _ when word.Equals("today", StringComparison.OrdinalIgnoreCase) && dayStart == s => new DayReference(0, null),
                    _ when word.Equals("tomorrow", StringComparison.OrdinalIgnoreCase) && dayStart == s => new DayReference(1, null),
                    _ when word.Equals("yesterday", StringComparison.OrdinalIgnoreCase) && dayStart == s => new DayReference(-1, null),
                    _ when TimeRules.FullWeekday(word, out var weekday) => new DayReference(0, (DayOfWeek)(weekday % 7)),
                    _ => null,
                };
                if (named is not null && (wordEnd >= text.Length || !char.IsLetterOrDigit(text[wordEnd])))
                {
                    day = named;
                    end = wordEnd;

                    // "9 tomorrow evening"
                    var t = Space(end);
                    if (part is null && t > end && rules.PartWords.TryMatch(text, t, out var dayPart, out var dayPartEnd))
                    {
                        part = dayPart;
                        end = dayPartEnd;
                    }
                }
            }

            return (part, day, end);
        }

        /// <summary>"in the morning", "in afternoon", "this evening", "tonight", "at night", "early morning".</summary>
        private (PartOfDay Part, DayReference? Day, int End)? PartSuffix(int p)
        {
            DayReference? day = null;
            var q = p;
            if (Word(q, "in") is > 0 and var inEnd)
            {
                q = Space(inEnd);
                if (Word(q, "the") is > 0 and var theEnd)
                {
                    q = Space(theEnd);
                }
            }
            else if (Word(q, "this") is > 0 and var thisEnd)
            {
                q = Space(thisEnd);
                day = new DayReference(0, null);
            }
            else if (Word(q, "at") is > 0 and var atEnd && Space(atEnd) is var nightStart && Word(nightStart, "night") is > 0 and var nightEnd)
            {
                return (rules.PartsOfDay.First(x => x.Name == "night"), null, nightEnd);
            }
            else if (Word(q, "tonight") is > 0 and var tonightEnd)
            {
                return (rules.PartsOfDay.First(x => x.Name == "night"), new DayReference(0, null), tonightEnd);
            }
            else if (Word(q, "last") is > 0 and var lastEnd && Word(Space(lastEnd), "night") is > 0 and var lastNightEnd)
            {
                // "between 7 and 9:30 last night"
                return (rules.PartsOfDay.First(x => x.Name == "night"), new DayReference(-1, null), lastNightEnd);
            }
            else if (Word(q, "early") is > 0 and var earlyEnd)
            {
                q = Space(earlyEnd);
            }
            else
            {
                return null;
            }

            if (q == p || !rules.PartWords.TryMatch(text, q, out var part, out var end))
            {
                return null;
            }

            return (part, day, end);
        }

        /// <summary>One clock time, optionally led by "at"/"@".</summary>
        private Point? ClockPoint(int start, bool allowAt, bool inRange = false)
        {
            _letterMeridiem = inRange;
            var p = start;
            var atLed = false;
            if (allowAt && (Word(p, "at") is > 0 and var atEnd || (p < text.Length && text[p] == '@' && (atEnd = p + 1) > 0)))
            {
                var next = Space(atEnd);
                if (next == atEnd && text[p] != '@')
                {
                    return null;
                }

                p = next;
                atLed = true;
                _letterMeridiem = true;
            }

            // "(scheduled) for 3pm": "for" leads only a clear clock time, never "for 3 hours".
            if (allowAt && !atLed && Word(p, "for") is > 0 and var forEnd && Space(forEnd) > forEnd)
            {
                var forPoint = ClockPoint(Space(forEnd), allowAt: false);
                return forPoint is { Strength: Strength.Strong } strong ? strong with { AtLed = true } : null;
            }

            var point = Named(p) ?? Relative(p) ?? Digits(p) ?? Words(p, atLed);
            return point is { } found ? found with { AtLed = atLed } : null;
        }

        /// <summary>"noon", "midday", "midnight", "the midday".</summary>
        private Point? Named(int p)
        {
            var q = Word(p, "the") is > 0 and var theEnd ? Space(theEnd) : p;
            if (WordIn(q, ["noon", "midday"]) is > 0 and var noonEnd)
            {
                return new Point(new ClockTime(12, 0, 0, TimeGrain.Hour, true, false), noonEnd, Strength.Strong, false);
            }

            if (Word(q, "midnight") is > 0 and var midnightEnd && char.IsLower(text[q]))
            {
                return new Point(new ClockTime(0, 0, 0, TimeGrain.Hour, true, false), midnightEnd, Strength.Strong, false);
            }

            return null;
        }

        /// <summary>"half past four", "(a) quarter to 5", "10 past 9", "20 minutes to 2pm", "15 to noon".</summary>
        private Point? Relative(int p)
        {
            var q = Word(p, "a") is > 0 and var aEnd ? Space(aEnd) : p;
            int minutes;
            var counted = false;
            int numberEnd;
            if (Word(q, "half") is > 0 and var halfEnd)
            {
                (minutes, numberEnd, counted) = (30, halfEnd, true);
            }
            else if (Word(q, "quarter") is > 0 and var quarterEnd)
            {
                (minutes, numberEnd, counted) = (15, quarterEnd, true);
            }
            else if (q == p && Number(p) is (> 0 and < 60 and var n, var nEnd))
            {
                (minutes, numberEnd) = (n, nEnd);
            }
            else
            {
                return null;
            }

            var r = Space(numberEnd);
            if (WordIn(r, ["minutes", "minute", "mins", "min"]) is > 0 and var unitEnd)
            {
                counted = true;
                r = Space(unitEnd);
            }

            var direction = WordIn(r, ["past", "after", "from", "to", "till", "before", "of"]);
            if (direction < 0 || Space(direction) == direction)
            {
                return null;
            }

            var word = text.AsSpan(r, direction - r);
            var past = word.Equals("past", StringComparison.OrdinalIgnoreCase) || word.Equals("after", StringComparison.OrdinalIgnoreCase) || word.Equals("from", StringComparison.OrdinalIgnoreCase);
            var loose = !word.Equals("past", StringComparison.OrdinalIgnoreCase);
            var hourStart = Space(direction);
            if ((Named(hourStart) ?? HourPoint(hourStart)) is not { } hour)
            {
                return null;
            }

            // "5 to 7" is a range and "10 after 9" loose: without "minutes"/"quarter" only "15 to noon" reads as relative.
            if (loose && !counted && Named(hourStart) is null)
            {
                return null;
            }

            var at = hour.Clock.OfDay + TimeSpan.FromMinutes(past ? minutes : -minutes);
            if (at < TimeSpan.Zero)
            {
                at += TimeSpan.FromDays(1);
            }

            var clock = new ClockTime(at.Hours, at.Minutes, 0, TimeGrain.Minute, hour.Clock.MeridiemStated, hour.Clock.Ambiguous);
            return new Point(clock, hour.End, Strength.Strong, false);
        }

        /// <summary>The hour of a relative time: "four", "9", "3pm", "seven o'clock".</summary>
        private Point? HourPoint(int p)
        {
            if (Digits(p) is { } digits && digits.Clock.Minute == 0)
            {
                return digits with { Strength = digits.Clock.MeridiemStated ? Strength.Strong : digits.Strength };
            }

            if (Number(p) is (>= 0 and <= 23 and var hour, var end) && end > p)
            {
                var clock = new ClockTime(hour, 0, 0, TimeGrain.Hour, false, hour is >= 1 and <= 12);
                return Finish(clock, end, Strength.Weak);
            }

            return null;
        }

        /// <summary>"3pm", "3 p.m.", "15:30", "3:30:15", "7:56:30 am", "1140 a.m.", "15h30", "20h", "6.45 pm", "3 o'clock".</summary>
        private Point? Digits(int p)
        {
            if (p >= text.Length || !char.IsAsciiDigit(text[p]) || (p > 0 && text[p - 1] is ':' or '.' or ',' or '/'))
            {
                return null;
            }

            var e = p;
            while (e < text.Length && char.IsAsciiDigit(text[e]))
            {
                e++;
            }

            var digits = e - p;
            if (digits > 4)
            {
                return null; // no clock reading has more than four digits ("1530h"); also keeps int.Parse in range
            }

            var value = int.Parse(text.AsSpan(p, digits), System.Globalization.CultureInfo.InvariantCulture);
            var leadingZero = text[p] == '0' && digits > 1;
            var next = e < text.Length ? text[e] : ' ';

            // "15:30", "3:30:15"
            if (next == ':' && digits <= 2 && TwoDigits(e + 1) is >= 0 and < 60 and var minute)
            {
                var end = e + 3;
                var second = 0;
                var grain = TimeGrain.Minute;
                if (end < text.Length && text[end] == ':' && TwoDigits(end + 1) is >= 0 and < 60 and var s)
                {
                    (second, grain, end) = (s, TimeGrain.Second, end + 3);
                }

                var letter = _letterMeridiem;
                _letterMeridiem = true;

                // "1:50,000" (a scale), "3:30.5", "1:2:3", a media player's "0:00", a game clock's "3:08 to
                // play" and a model's "scale 1:24" are not clock times.
                if ((digits == 1 && value == 0) || CountdownAfter(end) || rules.Ratio.Contains(TextScan.PreviousWord(text, p)) || value > 23 || (end + 1 < text.Length && text[end] is ':' or ',' or '.' && char.IsAsciiDigit(text[end + 1])) || (end < text.Length && char.IsLetterOrDigit(text[end]) && !IsMeridiemStart(end)))
                {
                    _letterMeridiem = letter;
                    return null;
                }

                var colonTime = Finish(new ClockTime(value, minute, second, grain, false, value is >= 1 and <= 12 && !leadingZero), end, Strength.Strong);
                _letterMeridiem = letter;
                return colonTime;
            }

            // "6.45 pm"
            if (next == '.' && digits <= 2 && value <= 23 && TwoDigits(e + 1) is >= 0 and < 60 and var dottedMinute
                && (e + 3 >= text.Length || !char.IsAsciiDigit(text[e + 3])))
            {
                return Finish(new ClockTime(value, dottedMinute, 0, TimeGrain.Minute, false, value is >= 1 and <= 12 && !leadingZero), e + 3, Strength.Weak, needsMeridiem: true);
            }

            // "15h30", "20h", "3h18" (24-hour)
            if (next is 'h' or 'H' && digits <= 2 && value <= 23)
            {
                var end = e + 1;
                var hMinute = 0;
                var grain = TimeGrain.Hour;
                if (TwoDigits(end) is >= 0 and < 60 and var m)
                {
                    (hMinute, grain, end) = (m, TimeGrain.Minute, end + 2);
                }

                if (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    return null;
                }

                var clock = new ClockTime(value, hMinute, 0, grain == TimeGrain.Hour ? TimeGrain.Minute : grain, false, false);
                return new Point(clock, end, grain == TimeGrain.Minute ? Strength.Strong : Strength.Shaped, false);
            }

            // "1140 a.m.", "330 p.m.", "730 in the evening"; "0900 GMT" (24-hour, a zone after it)
            if (digits is 3 or 4 && value % 100 < 60 && value / 100 <= 23)
            {
                // Not a year or a count: "in 2024 GMT ...", "the 1200 ET staff".
                if (digits == 4 && Space(e) is var zone && zone == e + 1 && rules.TimeZoneWords.TryMatch(text, zone, out _, out _)
                    && !PreviousWordIn(p, ["in", "since", "of", "the", "year"]))
                {
                    return new Point(new ClockTime(value / 100, value % 100, 0, TimeGrain.Minute, true, false), e, Strength.Strong, false);
                }

                // "0730" with its leading zero is a 24-hour clock, not a year or a count ("at 0730", "between 0730-0930").
                if (digits == 4 && leadingZero && (e >= text.Length || !char.IsLetterOrDigit(text[e])) && !IsMeridiemStart(e))
                {
                    return new Point(new ClockTime(value / 100, value % 100, 0, TimeGrain.Minute, true, false), e, Strength.Shaped, false);
                }

                var clock = new ClockTime(value / 100, value % 100, 0, TimeGrain.Minute, false, value / 100 is >= 1 and <= 12 && !leadingZero);
                return Finish(clock, e, Strength.Weak, needsMeridiem: true);
            }

            if (digits <= 2 && value <= 23)
            {
                var end = e;
                if (Word(end, "ish") is > 0 and var ishEnd)
                {
                    end = ishEnd;
                }
                else if (end < text.Length && (char.IsLetter(text[end]) || text[end] == '%') && !IsMeridiemStart(end))
                {
                    return null; // "5th", "5%", "3km"
                }

                return Finish(new ClockTime(value, 0, 0, TimeGrain.Hour, false, value is >= 1 and <= 12 && !leadingZero), end, Strength.Weak);
            }

            return null;
        }

        /// <summary>"ten thirty am", "four twenty-three a m", "seven o'clock", "eight" (weak), "three twenty" (weak).</summary>
        private Point? Words(int p, bool atLed)
        {
            var hourEnd = WordEnd(text, p);
            if (hourEnd == p || !rules.Units.TryGetValue(text.AsSpan(p, hourEnd - p), out var hour) || hour > 12)
            {
                return null;
            }

            var end = hourEnd;
            var minute = 0;
            var grain = TimeGrain.Hour;
            var s = Space(end);
            if (s > end && MinuteWords(s) is (> 0 and var m, var mEnd))
            {
                // "two thirty-year-olds" counts people.
                if (mEnd < text.Length && text[mEnd] == '-')
                {
                    return null;
                }

                (minute, grain, end) = (m, TimeGrain.Minute, mEnd);

                // "six forty-three minutes"
                if (Space(end) is var u && u > end && WordIn(u, ["minutes", "mins"]) is > 0 and var minutesEnd)
                {
                    end = minutesEnd;
                }
            }

            var clock = new ClockTime(hour, minute, 0, grain, false, true);
            var point = Finish(clock, end, Strength.Weak);

            // "at three twenty" is a time (so is "from two thirty to two forty five"); "three twenty" alone,
            // or "at three", is a count.
            return point is { } found && found.Strength == Strength.Weak && minute > 0 ? found with { Strength = Strength.Shaped } : point;
        }

        /// <summary>"thirty", "forty five", "twenty-three", "o five", "fifteen" (10-59).</summary>
        private (int Minute, int End) MinuteWords(int p)
        {
            var end = WordEnd(text, p);
            var word = text.AsSpan(p, end - p);
            if (word.Equals("o", StringComparison.OrdinalIgnoreCase) || word.Equals("oh", StringComparison.OrdinalIgnoreCase))
            {
                var s = Space(end);
                var unitEnd = WordEnd(text, s);
                return s > end && rules.Units.TryGetValue(text.AsSpan(s, unitEnd - s), out var u) && u < 10 ? (u, unitEnd) : (0, p);
            }

            if (rules.Units.TryGetValue(word, out var teen) && teen >= 10)
            {
                return (teen, end);
            }

            if (!rules.Tens.TryGetValue(word, out var tens))
            {
                return (0, p);
            }

            if (end < text.Length && text[end] is '-' or ' ' && WordEnd(text, end + 1) is var unitsEnd && unitsEnd > end + 1
                && rules.Units.TryGetValue(text.AsSpan(end + 1, unitsEnd - end - 1), out var units) && units < 10)
            {
                return (tens + units, unitsEnd);
            }

            return (tens, end);
        }

        /// <summary>A number 0-59 in digits or words ("10", "twenty", "twenty-five").</summary>
        private (int Value, int End) Number(int p)
        {
            if (p < text.Length && char.IsAsciiDigit(text[p]))
            {
                var e = p;
                while (e < text.Length && char.IsAsciiDigit(text[e]) && e - p < 3)
                {
                    e++;
                }

                return e - p <= 2 && (e >= text.Length || !char.IsLetterOrDigit(text[e]))
                    ? (int.Parse(text.AsSpan(p, e - p), System.Globalization.CultureInfo.InvariantCulture), e)
                    : (-1, p);
            }

            var end = WordEnd(text, p);
            if (end > p && rules.Units.TryGetValue(text.AsSpan(p, end - p), out var unit))
            {
                return (unit, end);
            }

            var (minute, minuteEnd) = MinuteWords(p);
            return minute > 0 ? (minute, minuteEnd) : (-1, p);
        }

        /// <summary>After the number: "ish", am/pm, o'clock; the strength they give. Null when the reading is impossible ("15pm").</summary>
        private Point? Finish(ClockTime clock, int end, Strength strength, bool needsMeridiem = false)
        {
            var s = end;
            if (Meridiem(end) is (var pm, > 0 and var meridiemEnd))
            {
                if (clock.Hour is < 1 or > 12)
                {
                    return null;
                }

                var hour = clock.Hour % 12 + (pm ? 12 : 0);
                return new Point(clock with { Hour = hour, MeridiemStated = true, Ambiguous = false }, meridiemEnd, Strength.Strong, false);
            }

            s = Space(end);
            if (OClock(s) is > 0 and var oclockEnd && !needsMeridiem && clock.Minute == 0 && clock.Hour is >= 1 and <= 12)
            {
                // "3 oclock am"
                return Meridiem(oclockEnd) is (var pmAfter, > 0 and var afterEnd)
                    ? new Point(clock with { Hour = clock.Hour % 12 + (pmAfter ? 12 : 0), MeridiemStated = true, Ambiguous = false }, afterEnd, Strength.Strong, false)
                    : new Point(clock, oclockEnd, Strength.Strong, false);
            }

            return new Point(clock, end, strength, false, needsMeridiem);
        }

        private bool IsMeridiemStart(int p) => Meridiem(p).End > 0;

        /// <summary>"pm", " p.m.", " a m", "p . m .", and glued "3:15p", "9a" (not before a letter).</summary>
        private (bool Pm, int End) Meridiem(int end)
        {
            var p = end < text.Length && text[end] == ' ' ? end + 1 : end;
            if (p >= text.Length || char.ToLowerInvariant(text[p]) is not ('a' or 'p'))
            {
                return (false, -1);
            }

            var pm = char.ToLowerInvariant(text[p]) == 'p';
            var q = p + 1;
            var dotted = false;
            if (q < text.Length && text[q] == '.')
            {
                q++;
                dotted = true;
            }
            else if (q + 2 < text.Length && text[q] == ' ' && text[q + 1] == '.' && text[q + 2] == ' ')
            {
                q += 3; // "p . m ." (tokenised text)
                dotted = true;
            }
            else if (q + 1 < text.Length && text[q] == ' ' && char.ToLowerInvariant(text[q + 1]) == 'm' && (q + 2 >= text.Length || !char.IsLetter(text[q + 2])))
            {
                q++; // "a m"
            }

            if (q < text.Length && char.ToLowerInvariant(text[q]) == 'm')
            {
                q++;

                // "a.m." takes its closing dot; in "at 9am." the dot ends the sentence.
                if (dotted && q < text.Length && text[q] == '.')
                {
                    q++;
                }
                else if (dotted && q + 1 < text.Length && text[q] == ' ' && text[q + 1] == '.')
                {
                    q += 2;
                }

                return q < text.Length && char.IsLetterOrDigit(text[q]) ? (false, -1) : (pm, q);
            }

            // A single "a"/"p" only glued to the digits ("3:15p", "9a"), never "at 5 a day".
            if (p == end && _letterMeridiem && (q >= text.Length || !char.IsLetterOrDigit(text[q])) && !(dotted && q < text.Length && text[q] == ' ' && q + 1 < text.Length && char.IsLower(text[q + 1])))
            {
                return (pm, q);
            }

            return (false, -1);
        }

        /// <summary>"o'clock", "oclock", "o clock".</summary>
        private int OClock(int p)
        {
            foreach (var form in (ReadOnlySpan<string>)["o'clock", "o’clock", "oclock", "o clock"])
            {
                if (string.Compare(text, p, form, 0, form.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (p + form.Length >= text.Length || !char.IsLetter(text[p + form.Length])))
                {
                    return p + form.Length;
                }
            }

            return -1;
        }

        private int TwoDigits(int p) =>
            p + 1 < text.Length && char.IsAsciiDigit(text[p]) && char.IsAsciiDigit(text[p + 1]) && (p + 2 >= text.Length || !char.IsAsciiDigit(text[p + 2]))
                ? (text[p] - '0') * 10 + (text[p + 1] - '0')
                : -1;

        /// <summary>The word at p if it is <paramref name="word"/> (case-insensitive, whole word): its end, else -1.</summary>
        private int Word(int p, string word) =>
            p + word.Length <= text.Length
            && string.Compare(text, p, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (p + word.Length == text.Length || !char.IsLetterOrDigit(text[p + word.Length]))
                ? p + word.Length
                : -1;

        private int WordIn(int p, IEnumerable<string> words)
        {
            foreach (var word in words)
            {
                if (Word(p, word) is > 0 and var end)
                {
                    return end;
                }
            }

            return -1;
        }

        /// <summary>Past one run of spaces (at most a few): the next token's start, or p if none.</summary>
        private int Space(int p)
        {
            var q = p;
            while (q < text.Length && q - p < 3 && text[q] is ' ' or '\u00A0')
            {
                q++;
            }

            return q;
        }
    }

    /// <summary>A bare hour said with a part of the day: "5 in the evening" is 17:00, "12 in the morning" 00:00.</summary>
    private static ClockTime WithPart(ClockTime clock, PartOfDay part)
    {
        if (clock.MeridiemStated && !clock.Ambiguous)
        {
            return clock;
        }

        var hour = clock.Hour;
        if (part.Pm && hour < 12 && !(part.Name == "night" && hour <= 4))
        {
            hour += 12;
        }
        else if (!part.Pm && hour == 12 && part.Name == "morning")
        {
            hour = 0;
        }

        return clock with { Hour = hour, MeridiemStated = true, Ambiguous = false };
    }
}
