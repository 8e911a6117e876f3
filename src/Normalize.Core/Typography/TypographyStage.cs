using System.Text.RegularExpressions;
using Normalize.Core.Pipeline;

namespace Normalize.Core.Typography;

public sealed class TypographyOptions
{
    /// <summary>Keep “curly” quotes and ’ apostrophes instead of straight ASCII ones.</summary>
    public bool KeepTypographicQuotes { get; init; }
}

/// <summary>
/// Whitespace, spacing around punctuation, the stray period after a closing quote, and one quote
/// style. Each rule is one regular-expression pass; each match is logged as a change. Whitespace, quote
/// style and a blank before a comma or period hold in every language; the blank before ; : ! ? and % and the
/// period after a quote are English conventions (French writes « Attention : 50 % ! »), so those rules touch
/// only English paragraphs and titles, as the repair stage does.
/// </summary>
public sealed partial class TypographyStage : IStage
{
    private readonly IReadOnlyList<(string Rule, Regex Pattern, MatchEvaluator Replace, bool EnglishOnly)> _passes;

    public TypographyStage(TypographyOptions? options = null)
    {
        var passes = new List<(string, Regex, MatchEvaluator, bool)>
        {
            ("whitespace", OddWhitespace(), _ => " ", false),
            ("whitespace", TrailingWhitespace(), _ => "", false),
        };

        if (!(options?.KeepTypographicQuotes ?? false))
        {
            passes.Add(("quotes", GuillemetsWithSpace(), m => "\"" + m.Groups[1].Value + "\"", false));
            passes.Add(("quotes", DoubleQuotes(), _ => "\"", false));
            passes.Add(("quotes", SingleQuotes(), _ => "'", false));
        }

        passes.Add(("space-before-punctuation", SpaceBeforeCommaOrPeriod(), m => m.Groups[1].Value, false));
        passes.Add(("space-before-punctuation", SpaceBeforeHighPunctuation(), m => m.Groups[1].Value, true));
        passes.Add(("space-before-percent", SpaceBeforePercent(), _ => "%", true));
        passes.Add(("period-after-quote", PeriodAfterClosingQuote(), m => m.Groups[1].Value, true));
        _passes = passes;
    }

    public string Name => StageNames.Typography;

    public void Process(Article article)
    {
        foreach (var (rule, pattern, replace, englishOnly) in _passes)
        {
            article.Deadline.Check();
            // Offsets move with every pass, so the other-language ranges are taken just before it.
            var foreign = englishOnly ? article.NonEnglishRanges() : [];
            var edits = pattern.Matches(article.Text)
                .Where(m => !Article.InRanges(foreign, m.Index))
                .Select(m => new TextEdit(m.Index, m.Length, replace(m), rule));
            TextEdits.Apply(article, Name, edits);
        }

        if (article.Title is { } title)
        {
            var englishTitle = article.IsEnglishTitle;
            foreach (var (rule, pattern, replace, _) in _passes.Where(p => englishTitle || !p.EnglishOnly))
            {
                var cleaned = pattern.Replace(title, replace);
                if (cleaned != title)
                {
                    article.Changes.Add(new Change(Name, "title:" + rule, title, cleaned));
                    title = cleaned;
                }
            }

            article.Title = title.Trim();
        }
    }

    /// <summary>Runs of blanks, tabs and exotic spaces inside a paragraph (never the paragraph break).</summary>
    [GeneratedRegex(@"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]{2,}|[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]")]
    private static partial Regex OddWhitespace();

    [GeneratedRegex(@" +(?=\n|$)|(?<=\n|^) +")]
    private static partial Regex TrailingWhitespace();

    /// <summary>French « guillemets » with inner spaces.</summary>
    [GeneratedRegex(@"«\s*([^«»\n]*?)\s*»")]
    private static partial Regex GuillemetsWithSpace();

    [GeneratedRegex(@"[“”„‟«»〝〞＂]")]
    private static partial Regex DoubleQuotes();

    [GeneratedRegex(@"[‘’‚‛]|(?<=\p{L})[´`](?=\p{L})")]
    private static partial Regex SingleQuotes();

    /// <summary>"ministry ." → "ministry."; not an ellipsis, not a decimal like " .5".</summary>
    [GeneratedRegex(@"(?<=[\p{L}\p{N}""'”’)\]])[ ]+(,|\.(?![.\d]))(?=[\s""'”’)\]]|$)")]
    private static partial Regex SpaceBeforeCommaOrPeriod();

    /// <summary>"Really ? Yes !" → "Really? Yes!" (English; French sets a blank before ; : ! ?).</summary>
    [GeneratedRegex(@"(?<=[\p{L}\p{N}""'”’)\]])[ ]+([;:!?])(?=[\s""'”’)\]]|$)")]
    private static partial Regex SpaceBeforeHighPunctuation();

    [GeneratedRegex(@"(?<=\d) %(?=[\s.,;:!?)""']|$)")]
    private static partial Regex SpaceBeforePercent();

    /// <summary>`call on”. to counter` → `call on” to counter`: a period between a closing quote and lower-case text.</summary>
    [GeneratedRegex(@"(?<=\S)([”’""])\.(?= \p{Ll})")]
    private static partial Regex PeriodAfterClosingQuote();
}
