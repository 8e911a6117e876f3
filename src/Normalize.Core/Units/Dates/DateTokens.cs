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

            var value = kind == TokenKind.Word ? text[start..p].ToLowerInvariant() : text[start..p];
            tokens.Add(new DateToken(start, p, value, kind, space || tokens.Count == 0));
            space = false;
        }

        return tokens;
    }
}
