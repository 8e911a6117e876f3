using System.Globalization;

namespace Normalize.Core.Units.Holidays;

/// <summary>What may follow a holiday name: a year, a shift ("in 9 months"), a time; "closest" before it.</summary>
internal sealed partial class HolidayRecognizer
{
    /// <summary>"closest " or "3rd closest " / "second closest ".</summary>
    private bool TryClosest(string text, int position, out int rank, out int end)
    {
        rank = 1;
        end = StartsWithWords(text, position, "closest ");
        if (end > 0)
        {
            return true;
        }

        if (position < text.Length && _numbers.TryRead(text, position, false, out var ordinal) && ordinal.IsOrdinal
            && ordinal.Value is >= 1 and <= 10 && StartsWithWords(text, ordinal.End, " closest ") is > 0 and var after)
        {
            rank = (int)ordinal.Value;
            end = after;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A year after the name: " 2013", ", 2013", " of 2017", " in 2019", " two thousand eighteen",
    /// " of next year" (relative to the reference).
    /// </summary>
    private bool TryYear(string text, int position, AnnotationContext context, out int year, out int end)
    {
        year = 0;
        end = position;
        var p = position;
        if (p < text.Length && text[p] == ',')
        {
            p++;
        }

        if (p >= text.Length || text[p] != ' ')
        {
            return false;
        }

        p++;
        var afterOf = StartsWithWords(text, p, "of ");
        var afterIn = StartsWithWords(text, p, "in ");
        p = Math.Max(p, Math.Max(afterOf, afterIn));

        // "of next year"; without "of" the year words are a date of their own ("Ramadan this year").
        if (afterOf > 0 && context.Reference is { } reference)
        {
            foreach (var (words, offset) in RelativeYears)
            {
                if (StartsWithWords(text, p, words) is > 0 and var afterRelative)
                {
                    year = reference.Year + offset;
                    end = afterRelative;
                    return true;
                }
            }
        }

        if (p + 4 <= text.Length && char.IsDigit(text[p]) && text.AsSpan(p, 4).IndexOfAnyExceptInRange('0', '9') < 0
            && (p + 4 == text.Length || !char.IsLetterOrDigit(text[p + 4]) && !(text[p + 4] is ',' or '.' && p + 5 < text.Length && char.IsDigit(text[p + 5]))))
        {
            year = int.Parse(text.AsSpan(p, 4), CultureInfo.InvariantCulture);
            end = p + 4;
            return year is >= 1000 and <= 2999;
        }

        // Spelled out: "two thousand eighteen".
        if (p < text.Length && char.IsLetter(text[p]) && _numbers.TryRead(text, p, false, out var spelled)
            && spelled is { IsWords: true, IsOrdinal: false } && spelled.Value is >= 1000 and <= 2999 && spelled.Value == decimal.Truncate(spelled.Value))
        {
            year = (int)spelled.Value;
            end = spelled.End;
            return true;
        }

        return false;
    }

    private static readonly (string Words, int Offset)[] RelativeYears =
        [("next year", 1), ("last year", -1), ("this year", 0), ("the next year", 1), ("the previous year", -1)];

    /// <summary>" in 9 months", " in a year", " six years hence", " two weeks from now".</summary>
    private bool TryShift(string text, int position, out int amount, out string unit, out int end)
    {
        amount = 0;
        unit = "";
        end = position;
        if (position >= text.Length || text[position] != ' ')
        {
            return false;
        }

        var p = position + 1;
        var leadingIn = StartsWithWords(text, p, "in ");
        if (leadingIn > 0)
        {
            p = leadingIn;
        }

        int n;
        int afterNumber;
        if (StartsWithWords(text, p, "a ") is > 0 and var afterA)
        {
            (n, afterNumber) = (1, afterA - 1);
        }
        else if (StartsWithWords(text, p, "an ") is > 0 and var afterAn)
        {
            (n, afterNumber) = (1, afterAn - 1);
        }
        else if (_numbers.TryRead(text, p, false, out var number) && !number.IsOrdinal && number.Value is >= 1 and <= 100
                 && number.Value == decimal.Truncate(number.Value))
        {
            (n, afterNumber) = ((int)number.Value, number.End);
        }
        else
        {
            return false;
        }

        if (afterNumber >= text.Length || text[afterNumber] != ' ')
        {
            return false;
        }

        var word = WordAt(text, afterNumber + 1);
        var singular = word.EndsWith("s") ? word[..^1] : word;
        string? grain = null;
        foreach (var g in (ReadOnlySpan<string>)["day", "week", "month", "year"])
        {
            if (singular.Equals(g, StringComparison.OrdinalIgnoreCase))
            {
                grain = g;
            }
        }

        if (grain is null)
        {
            return false;
        }

        var afterUnit = afterNumber + 1 + word.Length;
        if (leadingIn == 0)
        {
            // Without "in", the amount needs "hence" or "from now" after it.
            var hence = StartsWithWords(text, afterUnit, " hence");
            var fromNow = StartsWithWords(text, afterUnit, " from now");
            if (hence == 0 && fromNow == 0)
            {
                return false;
            }

            afterUnit = Math.Max(hence, fromNow);
        }

        amount = n;
        unit = grain;
        end = afterUnit;
        return true;
    }

    /// <summary>
    /// A clock time after the holiday (" at 6 pm", " at 18:00"), read by <see cref="Dates.TimeOfDay"/>
    /// and put on the holiday's day. A bare "at 6" counts, as after any date.
    /// </summary>
    private static bool TryTime(string text, int position, AnnotationContext context, DateTime day, out string iso, out int end)
    {
        iso = "";
        end = position;
        if (position + 1 >= text.Length || text[position] != ' ' || !Dates.TimeOfDay.TryMatch(text, position + 1, afterDate: true, out var time)
            || time.Time is not { } clock || time.Day is not null)
        {
            return false;
        }

        // "Christmas 20" is a count ("Christmas 20 people died"), not 20:00: a time needs "at", am/pm or a colon.
        if (time.BodyStart == time.Start && !clock.MeridiemStated && !text.AsSpan(time.Start, time.End - time.Start).Contains(':'))
        {
            return false;
        }

        iso = time.IsoOn(day, context);
        end = time.End;
        return true;
    }
}
