namespace Normalize.Core.Units.Holidays;

/// <summary>When a holiday name in prose is the day, and when it is part of something else.</summary>
internal sealed partial class HolidayRecognizer
{
    /// <summary>
    /// A holiday name in prose is the day only when it stands alone: not inside a longer name
    /// ("Easter Island", "Good Friday Agreement", "Tariq Ramadan"), not a modifier of a noun
    /// ("Christmas tree", "Halloween costume"), not part of a hyphenated word ("pre-Christmas").
    /// </summary>
    private bool StandsAlone(string text, int start, int end, bool checkBefore)
    {
        if (start > 1 && text[start - 1] == '-' && char.IsLetter(text[start - 2]))
        {
            return false;
        }

        if (end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1]))
        {
            return false;
        }

        var next = WordAt(text, end + 1);
        if (end < text.Length && text[end] == ' ' && next.Length > 0)
        {
            if (char.IsUpper(next[0]) && !ContinuesDate(next))
            {
                return false;
            }

            if (_nounsAfterHolidays.Contains(next))
            {
                return false;
            }
        }

        if (checkBefore && TextScan.WordOneSpaceBefore(text, start) is { Length: > 0 } previous && char.IsUpper(previous[0])
            && !CapitalisedLeads.Contains(previous.ToString()) && !IsSentenceStart(text, start - previous.Length - 1))
        {
            return false;
        }

        return true;
    }

    private static bool ContinuesDate(ReadOnlySpan<char> word) =>
        DateWordsAfterHoliday.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Capitalised words after which a holiday still reads as the day ("On Christmas", "Before Easter").</summary>
    private static readonly HashSet<string> CapitalisedLeads = new(StringComparer.Ordinal)
    {
        "On", "By", "At", "In", "Before", "After", "Since", "Until", "Till", "During", "Over", "For", "From", "Around",
        "Ahead", "Until", "Through", "Throughout", "Of", "And", "Or", "Last", "Next", "This", "Every", "Each", "The",
    };

    /// <summary>Capitalised words that may follow a holiday and keep it a date ("Christmas Day" is a name; "Easter Monday" too).</summary>
    private static readonly HashSet<string> DateWordsAfterHoliday = new(StringComparer.Ordinal)
    {
        "I", "AM", "PM", "GMT", "UTC", "BST", "EST", "EDT", "CET",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };


    private static bool IsSentenceStart(string text, int position)
    {
        var p = position;
        while (p >= 0 && text[p] is ' ' or '"' or '“' or '‘' or '\'' or '(')
        {
            p--;
        }

        return p < 0 || text[p] is '.' or '!' or '?' or '\n' or ':' or '—' or '–';
    }

    /// <summary>Any capital letter nearby: the text is ordinary cased prose, not lower-cased input.</summary>
    private static bool IsCasedProse(string text, int start, int end)
    {
        var from = Math.Max(0, start - 200);
        var to = Math.Min(text.Length, end + 200);
        foreach (var c in text.AsSpan(from, to - from))
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }
}
