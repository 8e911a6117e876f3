namespace Normalize.Core.Language;

/// <summary>
/// What the identifier reads of a text: lowercase letters with every other character (digits,
/// punctuation, apostrophes, spaces) turned into one word boundary, and the character n-grams of
/// orders 1 to <see cref="MaxOrder"/> inside a word or touching its boundaries (" th", "the", "he ").
/// The trainer (bench train-langid) and the identifier share this code, so the profile's n-grams are
/// exactly the ones counted at run time.
/// </summary>
public static class LanguageFeatures
{
    public const int MaxOrder = 4;

    /// <summary>Boundary character inside n-grams; written as '_' in the profile file.</summary>
    public const char Boundary = ' ';

    /// <summary>Receives each n-gram (a slice of the normalized text).</summary>
    public interface IGramVisitor
    {
        void Visit(ReadOnlySpan<char> gram);
    }

    /// <summary>Whether the identifier reads <paramref name="c"/> as part of a word (a letter, or a combining mark past Latin).</summary>
    public static bool IsWordCharacter(char c) =>
        char.IsLetter(c) || (c > 0x2FF && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    /// <summary>Receives each word of a text, lowercased, and how it is attached to what precedes it.</summary>
    public interface IWordVisitor
    {
        /// <param name="word">The word, lowercased as in the normalized text.</param>
        /// <param name="afterApostrophe">The word follows an apostrophe that follows a letter or digit ("l'État", "Ankara'dan", "2018'in", "it's").</param>
        /// <param name="afterDigit">That apostrophe follows a digit rather than a word.</param>
        void Visit(ReadOnlySpan<char> word, bool afterApostrophe, bool afterDigit);
    }

    /// <summary>Longest word <see cref="VisitWords"/> passes on; a longer run of letters is passed as an empty word (no function word is that long).</summary>
    public const int MaxWordLength = 32;

    /// <summary>
    /// The words of <paramref name="text"/> (the runs <see cref="Normalize"/> keeps, in order), each with whether an
    /// apostrophe glues it to the letter or digit before: "qu'il" → "qu", "il" (glued); "Kore'den" → "kore", "den" (glued).
    /// </summary>
    public static void VisitWords<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitor)
        where TVisitor : struct, IWordVisitor
    {
        Span<char> word = stackalloc char[MaxWordLength];
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordCharacter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var length = 0;
            while (i < text.Length && IsWordCharacter(text[i]))
            {
                if (length < MaxWordLength)
                {
                    word[length] = char.ToLowerInvariant(text[i]);
                }

                length++;
                i++;
            }

            var afterApostrophe = start >= 2 && IsApostrophe(text[start - 1]) && (IsWordCharacter(text[start - 2]) || char.IsDigit(text[start - 2]));
            visitor.Visit(length > MaxWordLength ? [] : word[..length], afterApostrophe, afterApostrophe && char.IsDigit(text[start - 2]));
        }
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>
    /// Writes the normalized form of <paramref name="text"/> into <paramref name="buffer"/> (at least
    /// text.Length + 2 long): " word word " with single boundaries. Returns the length written.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var length = 0;
        buffer[length++] = Boundary;
        foreach (var c in text)
        {
            if (IsWordCharacter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (buffer[length - 1] != Boundary)
            {
                buffer[length++] = Boundary;
            }
        }

        if (buffer[length - 1] != Boundary)
        {
            buffer[length++] = Boundary;
        }

        return length;
    }

    /// <summary>Each n-gram of a normalized text: no boundary inside, at most one at each end, never a lone boundary.</summary>
    public static void VisitGrams<TVisitor>(ReadOnlySpan<char> normalized, ref TVisitor visitor)
        where TVisitor : struct, IGramVisitor
    {
        for (var start = 0; start < normalized.Length; start++)
        {
            var first = normalized[start];
            for (var order = 1; order <= MaxOrder && start + order <= normalized.Length; order++)
            {
                var last = normalized[start + order - 1];
                if (order > 1 && last == Boundary)
                {
                    if (order == 2 && first == Boundary)
                    {
                        break; // "  " never occurs (single boundaries), kept for safety
                    }

                    visitor.Visit(normalized.Slice(start, order));
                    break; // a gram may end on a boundary but not run past it
                }

                if (order == 1 && first == Boundary)
                {
                    continue; // a lone boundary says nothing; grams starting with one go on
                }

                visitor.Visit(normalized.Slice(start, order));
            }
        }
    }

    /// <summary>Receives the packed key (<see cref="LanguageProfiles.Key"/>) of each n-gram.</summary>
    public interface IGramKeyVisitor
    {
        void Visit(ulong key);
    }

    /// <summary>
    /// The packed keys of exactly the grams <see cref="VisitGrams"/> visits, in the same order, built one
    /// character at a time from the previous order's key (no slice, no re-packing): the identifier's hot loop.
    /// </summary>
    public static void VisitGramKeys<TVisitor>(ReadOnlySpan<char> normalized, ref TVisitor visitor)
        where TVisitor : struct, IGramKeyVisitor
    {
        for (var start = 0; start < normalized.Length; start++)
        {
            var first = normalized[start];
            ulong key = first;
            if (first != Boundary)
            {
                visitor.Visit(key);
            }

            var end = Math.Min(normalized.Length, start + MaxOrder);
            for (var position = start + 1; position < end; position++)
            {
                var last = normalized[position];
                key |= (ulong)last << (16 * (position - start));
                if (last == Boundary)
                {
                    if (position - start > 1 || first != Boundary)
                    {
                        visitor.Visit(key); // a gram may end on a boundary but not run past it
                    }

                    break;
                }

                visitor.Visit(key);
            }
        }
    }

    /// <summary>The words of a normalized text (runs between boundaries).</summary>
    public static IEnumerable<string> Words(string normalized) =>
        normalized.Split(Boundary, StringSplitOptions.RemoveEmptyEntries);
}
