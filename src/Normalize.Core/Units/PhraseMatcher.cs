namespace Normalize.Core.Units;

/// <summary>
/// Longest-match lookup of fixed phrases at a position of a text. Phrases are grouped by their
/// first character so a lookup compares only a few candidates. A phrase that ends in a letter or
/// digit must end at a word boundary.
/// </summary>
internal sealed class PhraseMatcher<T>
{
    private readonly Dictionary<char, List<(string Phrase, bool IgnoreCase, T Value)>> _byFirst = [];

    public void Add(string phrase, T value, bool ignoreCase)
    {
        if (phrase.Length == 0)
        {
            return;
        }

        var keys = ignoreCase
            ? new[] { char.ToLowerInvariant(phrase[0]), char.ToUpperInvariant(phrase[0]) }.Distinct()
            : [phrase[0]];
        foreach (var key in keys)
        {
            if (!_byFirst.TryGetValue(key, out var list))
            {
                _byFirst[key] = list = [];
            }

            if (!list.Any(e => e.Phrase == phrase && e.IgnoreCase == ignoreCase))
            {
                list.Add((phrase, ignoreCase, value));
                list.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
            }
        }
    }

    public bool TryMatch(string text, int position, out T value, out int end, bool allowDigitAfter = false)
    {
        value = default!;
        end = position;
        if (position >= text.Length || !_byFirst.TryGetValue(text[position], out var list))
        {
            return false;
        }

        foreach (var (phrase, ignoreCase, payload) in list)
        {
            if (position + phrase.Length > text.Length
                || string.Compare(text, position, phrase, 0, phrase.Length,
                    ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) != 0)
            {
                continue;
            }

            var after = position + phrase.Length;
            if (char.IsLetterOrDigit(phrase[^1]) && after < text.Length
                && (char.IsLetter(text[after]) || (!allowDigitAfter && char.IsDigit(text[after]))))
            {
                continue;
            }

            value = payload;
            end = after;
            return true;
        }

        return false;
    }
}
