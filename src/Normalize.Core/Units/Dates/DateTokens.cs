namespace Normalize.Core.Units.Dates;

internal enum TokenKind
{
    Word,
    Number,
    Punct,
}

/// <summary>A word (lower-cased), a run of digits or one punctuation character, with its offsets.</summary>
internal readonly record struct DateToken(int Start, int End, string Text, TokenKind Kind, bool SpaceBefore)
{
    public bool IsWord => Kind == TokenKind.Word;
    public bool IsNumber => Kind == TokenKind.Number;

    /// <summary>
    /// The tokens of a short window from <paramref name="position"/>: enough for the longest date
    /// expression, so the work per candidate word stays small. Stops at a line break.
    /// </summary>
    public static List<DateToken> Window(string text, int position, int max = 18)
    {
        var tokens = new List<DateToken>(max);
        var p = position;
        var space = false;
        while (p < text.Length && tokens.Count < max)
        {
            var c = text[p];
            if (c is '\n' or '\r')
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                p++;
                continue;
            }

            var start = p;
            TokenKind kind;
            if (char.IsLetter(c))
            {
                while (p < text.Length && char.IsLetter(text[p]))
                {
                    p++;
                }

                kind = TokenKind.Word;
            }
            else if (char.IsAsciiDigit(c))
            {
                while (p < text.Length && char.IsAsciiDigit(text[p]))
                {
                    p++;
                }

                kind = TokenKind.Number;
            }
            else
            {
                p++;
                kind = TokenKind.Punct;
            }

            var value = TokenText(text.AsSpan(start, p - start), lowerCase: kind == TokenKind.Word);
            tokens.Add(new DateToken(start, p, value, kind, space || tokens.Count == 0));
            space = false;
        }

        return tokens;
    }

    /// <summary>
    /// The token's text, lower-cased for words, from a per-thread table: the same few thousand words and
    /// numbers recur across windows and articles, so most tokens cost a lookup instead of two strings.
    /// </summary>
    private static string TokenText(ReadOnlySpan<char> token, bool lowerCase)
    {
        if (token.Length > 32)
        {
            return lowerCase ? token.ToString().ToLowerInvariant() : token.ToString();
        }

        Span<char> buffer = stackalloc char[token.Length];
        if (lowerCase)
        {
            token.ToLowerInvariant(buffer);
        }
        else
        {
            token.CopyTo(buffer);
        }

        var table = _texts ??= new HashSet<string>(StringComparer.Ordinal);
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(buffer, out var known))
        {
            return known;
        }

        var text = buffer.ToString();
        if (table.Count < MaxInternedTokens)
        {
            table.Add(text);
        }

        return text;
    }

    private const int MaxInternedTokens = 50_000;

    [ThreadStatic]
    private static HashSet<string>? _texts;
}
