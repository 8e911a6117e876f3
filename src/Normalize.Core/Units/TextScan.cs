namespace Normalize.Core.Units;

/// <summary>Small backwards looks shared by the recognisers (numbers, units, dates, times, holidays).</summary>
internal static class TextScan
{
    /// <summary>The letters before <paramref name="start"/>, past any spaces (empty if none).</summary>
    public static ReadOnlySpan<char> PreviousWord(string text, int start)
    {
        var end = start;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return text.AsSpan(begin, end - begin);
    }

    /// <summary>The letters before <paramref name="start"/> when exactly one space separates them, else empty.</summary>
    public static ReadOnlySpan<char> WordOneSpaceBefore(string text, int start)
    {
        var end = start - 1;
        if (end < 1 || text[end] != ' ')
        {
            return [];
        }

        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return text.AsSpan(begin, end - begin);
    }
}
