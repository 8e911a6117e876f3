using Normalize.Core.Pipeline;

namespace Normalize.Core.Names;

/// <summary>
/// Finds the names of people, places and organisations of the alias files. Spelling variants of the
/// same name are rewritten to the canonical form (logged as changes); acronyms, metonyms and correct
/// English forms are linked as entities without a rewrite. Names inside quotation marks and inside
/// fixed expressions ("chicken Kiev") are left alone.
/// </summary>
public sealed class NamesStage : IStage
{
    private readonly NameIndex _index;

    public NamesStage(NameIndex? index = null)
    {
        _index = index ?? NameIndex.Default;
    }

    public string Name => StageNames.Names;

    public void Process(Article article)
    {
        article.Entities.Clear();
        if (article.Title is { } title && article.IsEnglishTitle)
        {
            var rewritten = Rewrite(title);
            if (rewritten != title)
            {
                article.Changes.Add(new Change(Name, "title:alias", title, rewritten));
                article.Title = rewritten;
            }
        }

        var matches = Find(article.Text, article.Deadline);
        var edits = new List<TextEdit>();
        // The canonical forms are English: a paragraph in another language keeps its own names ("Russland"),
        // linked as entities without a rewrite.
        var foreign = article.NonEnglishRanges();
        foreach (var match in matches.Where(m => m.Rewrite && !Article.InRanges(foreign, m.Start)))
        {
            edits.Add(new TextEdit(match.Start, match.Length, match.Alias.Replacement, "alias:" + match.Alias.Entity.Id));
        }

        // Entity spans come from the final text: after a rewrite the longest match may change
        // ("VN Security Council" becomes "UN Security Council", one entity), and a second run must
        // find the same spans.
        if (TextEdits.Apply(article, Name, edits) > 0)
        {
            matches = Find(article.Text, article.Deadline);
        }

        foreach (var match in matches)
        {
            var text = article.Text.Substring(match.Start, match.Length);
            article.Entities.Add(new EntitySpan
            {
                Text = text,
                Canonical = match.Alias.Entity.Canonical,
                Type = match.Alias.Entity.Type,
                Id = match.Alias.Entity.Id,
                Start = match.Start,
                End = match.Start + match.Length,
                Linked = IsLinked(text, match.Alias.Entity),
                MetonymOf = match.Alias.Entity.MetonymOf,
            });
        }

        article.Entities.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary><paramref name="text"/> with every rewritable variant replaced by its canonical form.</summary>
    public string Rewrite(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var match in Find(text).Where(m => m.Rewrite))
        {
            builder.Append(text, position, match.Start - position).Append(match.Alias.Replacement);
            position = match.Start + match.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// Linked: the text is not the entity's own (canonical or short) name but an acronym, metonym or a
    /// variant left as written. Depends only on the final text, so cleaning twice gives the same spans.
    /// </summary>
    public static bool IsLinked(string text, NameEntity entity) =>
        entity.MetonymOf is not null || (text != entity.Canonical && text != entity.Short);

    /// <summary>One name found in text.</summary>
    public readonly record struct NameMatch(int Start, int Length, NameAlias Alias, bool Rewrite);

    /// <summary>The names in <paramref name="text"/>, in order, with whether each may be rewritten.</summary>
    /// <param name="deadline">Checked per candidate name (the article's time budget when cleaning).</param>
    public IReadOnlyList<NameMatch> Find(string text, Deadline? deadline = null)
    {
        deadline ??= Deadline.None;
        var result = new List<NameMatch>();

        // Matches come in text order, so the fixed expressions, the quotes and the paragraph's language are
        // each looked up with a cursor that only moves forward (a long paragraph of names stays linear).
        var fixedRanges = FixedExpressionRanges(text);
        var quotes = QuotedRanges(text);
        var nextFixed = 0;
        var nextQuote = 0;
        var paragraph = (Start: 0, End: -1, English: false);
        var position = 0;
        while (position < text.Length)
        {
            // Names start with a capital (Latin or Cyrillic) or a Hangul syllable: jump to the next one.
            var next = text.AsSpan(position).IndexOfAny(NameInitials);
            if (next < 0)
            {
                break;
            }

            position += next;
            deadline.Check();
            if (position > 0 && char.IsLetterOrDigit(text[position - 1]))
            {
                position++;
                continue;
            }

            var alias = _index.MatchAt(text, position);
            if (alias is null)
            {
                position++;
                continue;
            }

            var end = position + alias.Text.Length;
            while (nextFixed < fixedRanges.Count && fixedRanges[nextFixed].End <= position)
            {
                nextFixed++;
            }

            if (nextFixed < fixedRanges.Count && fixedRanges[nextFixed].Start < end)
            {
                position = end;
                continue;
            }

            while (nextQuote < quotes.Count && quotes[nextQuote].End <= position)
            {
                nextQuote++;
            }

            var quote = nextQuote < quotes.Count && position >= quotes[nextQuote].Start && end <= quotes[nextQuote].End ? quotes[nextQuote] : default;
            var quoted = quote != default;
            if (quoted && IsWholeQuote(text, quote, position, end))
            {
                // A quoted name is the name of something else ("Dnepr" grouping): not this entity.
                position = end;
                continue;
            }

            var rewrite = alias.Use == AliasUse.Rewrite && !quoted && alias.Replacement != alias.Text;
            if (rewrite && position > paragraph.End)
            {
                paragraph = ParagraphAt(text, position);
            }

            rewrite = rewrite && paragraph.English;
            result.Add(new NameMatch(position, alias.Text.Length, alias, rewrite));
            position = end;
        }

        return result;
    }

    private static readonly System.Buffers.SearchValues<char> NameInitials = System.Buffers.SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŁŚŽČŠ" + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ"
        + string.Concat(Enumerable.Range(0xAC00, 0xD7A4 - 0xAC00).Select(i => (char)i))
        + string.Concat(Enumerable.Range(0x4E00, 0x9FFF - 0x4E00).Select(i => (char)i)));

    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with", "said", "has", "have", "by",
        "from", "at", "are", "were", "will", "a", "an", "it", "as", "his", "her", "their", "met", "after",
    };

    /// <summary>
    /// Names are rewritten in English prose only: a sentence left in Dutch or German keeps its own
    /// spelling ("Oekraïne kreeg granaten."). English = the paragraph has an English function word.
    /// </summary>
    private static (int Start, int End, bool English) ParagraphAt(string text, int position)
    {
        var start = text.LastIndexOf("\n\n", Math.Max(0, position - 1), StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 2;
        var end = text.IndexOf("\n\n", position, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end;
        return (start, end, IsEnglishParagraph(text, start, end));
    }

    private static bool IsEnglishParagraph(string text, int start, int end)
    {
        var wordStart = -1;
        for (var i = start; i <= end; i++)
        {
            var isLetter = i < end && char.IsLetter(text[i]);
            if (isLetter && wordStart < 0)
            {
                wordStart = i;
            }
            else if (!isLetter && wordStart >= 0)
            {
                if (i - wordStart <= 5 && EnglishFunctionWords.Contains(text[wordStart..i]))
                {
                    return true;
                }

                wordStart = -1;
            }
        }

        return false;
    }

    private static bool IsWholeQuote(string text, (int Start, int End) quote, int start, int end) =>
        text[quote.Start..quote.End].Trim(' ', '"', '“', '”', '«', '»', '\'', '‘', '’') == text[start..end];

    /// <summary>Where the fixed expressions ("chicken Kiev") stand, as sorted ranges that do not overlap (overlapping ones merged).</summary>
    private List<(int Start, int End)> FixedExpressionRanges(string text)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var expression in _index.FixedExpressions)
        {
            var at = text.IndexOf(expression, StringComparison.Ordinal);
            while (at >= 0)
            {
                ranges.Add((at, at + expression.Length));
                at = text.IndexOf(expression, at + expression.Length, StringComparison.Ordinal);
            }
        }

        ranges.Sort();
        var merged = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>Spans between paired quotation marks within a paragraph, marks included.</summary>
    internal static List<(int Start, int End)> QuotedRanges(string text)
    {
        var ranges = new List<(int, int)>();
        var open = -1;
        char closing = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                open = -1;
                continue;
            }

            if (open < 0)
            {
                if (c is '"' or '“' or '«' or '„')
                {
                    open = i;
                    closing = c switch { '“' => '”', '«' => '»', '„' => '“', _ => '"' };
                }
            }
            else if (c == closing || (closing == '“' && c == '”') || (closing == '”' && c == '"'))
            {
                ranges.Add((open, i + 1));
                open = -1;
            }
        }

        return ranges;
    }
}
