using System.Globalization;
using System.Text.RegularExpressions;

namespace Normalize.Core.Repair;

/// <summary>A word of the text (letters, digits, inner apostrophes and hyphens) with its UTF-16 offsets.</summary>
public readonly record struct WordToken(int Start, int End, string Value)
{
    public bool IsLowercaseWord
    {
        get
        {
            // A loop, not LINQ: asked of nearly every word by several filters, and LINQ over a string allocates.
            foreach (var c in Value)
            {
                if (!(char.IsLetter(c) && char.IsLower(c)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    public bool IsCapitalized
    {
        get
        {
            if (Value.Length <= 1 || !char.IsUpper(Value[0]))
            {
                return false;
            }

            for (var i = 1; i < Value.Length; i++)
            {
                if (!char.IsLower(Value[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>A sentence's range in the text (end exclusive, trailing spaces excluded).</summary>
public readonly record struct SentenceRange(int Start, int End)
{
    public bool Contains(int offset) => offset >= Start && offset < End;

    public string Of(string text) => text[Start..End];
}

/// <summary>Tokens, sentences and quoted spans of a text: the shared view every repair filter reads.</summary>
public static partial class RepairText
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Col", "Gen", "Lt", "Sgt", "Capt", "Maj", "Adm", "Cmdr", "Gov", "Sen",
        "Rep", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
        "vs", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "EE", "UU", "approx", "etc", "e.g", "i.e",
    };

    public static IReadOnlyList<WordToken> Words(string text) => WordArray(text);

    /// <summary>The words of <paramref name="text"/> in one array (repair tokenises every version of the text).</summary>
    public static WordToken[] WordArray(string text)
    {
        var words = new List<WordToken>(text.Length / 6 + 1);
        var position = 0;
        while (NextWord(text, ref position) is { } word)
        {
            words.Add(word);
        }

        return [.. words];
    }

    /// <summary>The words of <paramref name="text"/>, read lazily (for callers that stop early).</summary>
    public static IEnumerable<WordToken> EnumerateWords(string text)
    {
        var position = 0;
        while (NextWord(text, ref position) is { } word)
        {
            yield return word;
        }
    }

    /// <summary>
    /// The next word at or after <paramref name="position"/>, which moves past it: letters, marks and
    /// digits, joined by single inner apostrophes or hyphens ("don't", "Kim Jong-un's"). Read by hand
    /// rather than with a regex: tokenising is most of what repair allocates (a Match per word).
    /// </summary>
    private static WordToken? NextWord(string text, ref int position)
    {
        var start = position;
        while (start < text.Length && !IsWordChar(text[start]))
        {
            start++;
        }

        if (start >= text.Length)
        {
            position = text.Length;
            return null;
        }

        var end = start + 1;
        while (true)
        {
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            if (end + 1 < text.Length && text[end] is '\'' or '’' or '-' && IsWordChar(text[end + 1]))
            {
                end++;
                continue;
            }

            break;
        }

        position = end;
        return new WordToken(start, end, text[start..end]);
    }

    /// <summary>\p{L}, \p{M} or \p{N}: the categories the regex word class named.</summary>
    private static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber
            or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>Sentences: split at line breaks and at . ! ? … followed by a capital, digit or quote, except after abbreviations.</summary>
    public static IReadOnlyList<SentenceRange> Sentences(string text)
    {
        var result = new List<SentenceRange>();
        var start = 0;
        void Close(int end)
        {
            var s = start;
            while (s < end && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            var e = end;
            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                result.Add(new SentenceRange(s, e));
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Close(i);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '"' or '\'' or '”' or '’' or ')' or ']' or '»')
            {
                end++;
            }

            // Every '.' of the run [i, end) reaches the same end, so a run that ends no sentence is
            // skipped whole (a line of 200,000 dots is one step, not 200,000 rescans).
            if (end >= text.Length || text[end] != ' ')
            {
                i = end - 1;
                continue;
            }

            var next = end;
            while (next < text.Length && text[next] == ' ')
            {
                next++;
            }

            if (next >= text.Length || !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '“' or '‘' or '\'' or '«' or '('))
            {
                i = next - 1;
                continue;
            }

            if (c == '.' && IsAbbreviationBefore(text, i))
            {
                continue;
            }

            Close(end);
            start = end;
            i = end - 1;
        }

        Close(text.Length);
        return result;
    }

    /// <summary>Spans inside quotation marks of at most <paramref name="maxWords"/> words: titles and proper names ("Dnepr").</summary>
    public static IReadOnlyList<(int Start, int End)> ShortQuotedSpans(string text, int maxWords = 3) =>
        QuotedPattern().Matches(text)
            .Where(m => Words(m.Groups[1].Value).Count <= maxWords)
            .Select(m => (m.Index, m.Index + m.Length))
            .ToList();

    /// <summary>
    /// The sentence of <paramref name="sentences"/> (in text order, as <see cref="Sentences"/> gives them) that holds
    /// <paramref name="offset"/>, or an empty range: a binary search, since callers ask once per match in the text.
    /// </summary>
    public static SentenceRange SentenceAt(IReadOnlyList<SentenceRange> sentences, int offset)
    {
        int low = 0, high = sentences.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sentences[middle].End <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < sentences.Count && sentences[low].Contains(offset) ? sentences[low] : default;
    }

    /// <summary>Whether [start, end) lies inside one of <paramref name="spans"/> (in text order, not overlapping, as <see cref="ShortQuotedSpans"/> gives them).</summary>
    public static bool Inside(IReadOnlyList<(int Start, int End)> spans, int start, int end)
    {
        // A binary search for the first span ending at or after end: asked once per word, so a text full of
        // short quotes stays linear-logarithmic.
        int low = 0, high = spans.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (spans[middle].End < end)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < spans.Count && spans[low].Start <= start;
    }

    /// <summary>Apertium marked the word as untranslated (*word, #word, @word): a source-language word, not broken English.</summary>
    public static bool IsMarked(string text, WordToken word) =>
        word.Start > 0 && text[word.Start - 1] is '*' or '#' or '@';

    /// <summary>The text between two tokens is exactly one space.</summary>
    public static bool SingleSpaceBetween(string text, WordToken left, WordToken right) =>
        right.Start == left.End + 1 && text[left.End] == ' ';

    /// <summary>Most content words capitalised: a headline or a title, where casing rules do not apply.</summary>
    public static bool LooksTitleCased(IReadOnlyList<WordToken> words)
    {
        int content = 0, capitalised = 0;
        foreach (var word in words)
        {
            if (word.Value.Length > 3 && char.IsLetter(word.Value[0]))
            {
                content++;
                capitalised += char.IsUpper(word.Value[0]) ? 1 : 0;
            }
        }

        return content >= 3 && capitalised * 10 >= content * 6;
    }

    private static bool IsAbbreviationBefore(string text, int period)
    {
        var s = period;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '.'))
        {
            s--;
        }

        var word = text[s..period];
        return word.Length == 1 && char.IsUpper(word[0])
            || Abbreviations.Contains(word)
            || word.Contains('.'); // U.S., a.m.
    }

    [GeneratedRegex(@"[""“„«]([^""“”„«»\n]{1,80})[""”“»]")]
    private static partial Regex QuotedPattern();
}
