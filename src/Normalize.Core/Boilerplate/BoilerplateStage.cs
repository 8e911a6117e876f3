using System.Text.RegularExpressions;
using Normalize.Core.Learning;
using Normalize.Core.Pipeline;

namespace Normalize.Core.Boilerplate;

/// <summary>
/// Removes site chrome paragraph by paragraph, with phrase rules (data) and structure (position
/// at the head and tail, marker-led tails of headlines, headlines of other articles dropped into
/// the body), and keeps the metadata it finds there (title, date, authors, credits).
/// </summary>
public sealed partial class BoilerplateStage : IStage
{
    /// <summary>Longest paragraph, in words, still read as a headline rather than prose.</summary>
    private const int HeadlineMaxWords = 30;

    /// <summary>Longest two-sentence teaser headline of another article ("X happened. And it's bad for Y").</summary>
    private const int RelatedHeadlineMaxWords = 20;

    private readonly BoilerplateRules _rules;
    private readonly BoostedTrees? _lineModel;

    /// <param name="lineModel">The text-dump line scorer (<see cref="BlockModels.TextLines"/>); null leaves the decision to the rules alone.</param>
    public BoilerplateStage(BoilerplateRules rules, BoostedTrees? lineModel = null)
    {
        _rules = rules;
        _lineModel = lineModel;
        if (lineModel is not null)
        {
            BlockModels.CheckFeatures(lineModel, LineFeatures.Names, "text-dump line model");
        }
    }

    /// <summary>Thresholds for <see cref="RepeatedLines"/>, which `clean` builds before this stage runs.</summary>
    public RepeatedLineSettings RepeatedLineSettings => _rules.RepeatedLines;

    public string Name => StageNames.Boilerplate;

    public void Process(Article article)
    {
        var (paragraphs, reasons) = ClassifyLines(article);

        // The line scorer reads the rules' verdicts as features; the structural rules below still have the first
        // claim on a line (so their reasons are recorded), the scorer takes out what is left of the chrome.
        double[]? keep = null;
        if (_lineModel is not null && !article.BodyExtracted)
        {
            var rows = LineFeatures.Describe(paragraphs, RuleClasses(paragraphs, reasons));
            article.Deadline.Check();
            keep = rows.Select(r => _lineModel.Predict(r)).ToArray();
            article.Deadline.Check();
        }

        TakeTitleFromHead(article, paragraphs, reasons, keep);
        MarkTail(paragraphs, reasons);
        MarkRelatedHeadlines(paragraphs, reasons);
        // A scorer that would leave nothing is out of its depth (a page unlike any it learned from): the rules stand.
        if (keep is not null && Enumerable.Range(0, paragraphs.Count).Any(i => reasons[i] is null && keep[i] >= BlockModels.KeepThreshold))
        {
            for (var i = 0; i < paragraphs.Count; i++)
            {
                if (reasons[i] is null && keep[i] < BlockModels.KeepThreshold)
                {
                    reasons[i] = "line-model";
                }
            }
        }

        var kept = Rebuild(article, paragraphs, reasons);
        StripAgencyCredit(article, kept);
        MarkHeadings(article, kept);
    }

    /// <summary>The paragraphs with the rules' verdict on each on its own (phrase rules, breadcrumb, dateline, byline, credit, repeated line).</summary>
    private (List<string> Paragraphs, string?[] Reasons) ClassifyLines(Article article)
    {
        var paragraphs = article.Paragraphs.ToList();
        var reasons = new string?[paragraphs.Count];
        TakeHeadlineCandidate(article);
        var site = article.RepeatedLines is null ? null : RepeatedLines.SiteOf(article);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            article.Deadline.Check();
            reasons[i] = ClassifyLine(article, paragraphs[i]);
            if (reasons[i] is null && site is not null && article.RepeatedLines!.IsRepeated(site, paragraphs[i]))
            {
                reasons[i] = "repeated-line";
            }
        }

        return (paragraphs, reasons);
    }

    /// <summary>The lines of a text dump and the line scorer's features of each (for training it on labelled pages).</summary>
    public (IReadOnlyList<string> Lines, float[][] Features) DescribeLines(Article article)
    {
        var (paragraphs, reasons) = ClassifyLines(article);
        return (paragraphs, LineFeatures.Describe(paragraphs, RuleClasses(paragraphs, reasons)));
    }

    /// <summary>Per line, bits of <see cref="LineFeatures.RuleClasses"/>: which rules and phrase packs speak of it.</summary>
    private int[] RuleClasses(List<string> paragraphs, string?[] reasons)
    {
        var bits = new int[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var b = reasons[i] switch
            {
                null => 0,
                "breadcrumb" => 1 << 1,
                "dateline" => 1 << 2,
                "byline" => 1 << 3,
                "credit" => 1 << 4,
                "repeated-line" => 0,
                _ => 1,
            };
            var line = paragraphs[i].Trim().TrimEnd(':', '|', '›', '»', ' ');
            b |= _rules.TailMarker.IsMatch(line) ? 1 << 5 : 0;
            b |= _rules.RelatedPrefix.IsMatch(line) ? 1 << 6 : 0;
            b |= IsHeadlineLike(line) ? 1 << 7 : 0;
            bits[i] = b;
        }

        return bits;
    }

    /// <summary>The header's headline is the title unless it is a breadcrumb ("Home page politics").</summary>
    private void TakeHeadlineCandidate(Article article)
    {
        if (article.HeadlineCandidate is not { } headline)
        {
            return;
        }

        article.HeadlineCandidate = null;
        if (IsBreadcrumb(headline))
        {
            article.Removed.Add(new Removal(headline, "breadcrumb"));
        }
        else if (article.Title is null)
        {
            article.Title = headline;
            article.DetectTitleInText = false;
        }
    }

    /// <summary>What a paragraph is on its own: a rule match, breadcrumb, dateline, byline or credit.</summary>
    private string? ClassifyLine(Article article, string paragraph)
    {
        if (paragraph.Length > MaxChromeLineLength)
        {
            return null;
        }

        var line = paragraph.Trim().TrimEnd(':', '|', '›', '»', ' ');
        foreach (var (reason, pattern) in _rules.LineRules)
        {
            if (pattern.IsMatch(line))
            {
                return reason;
            }
        }

        if (IsBreadcrumb(line))
        {
            return "breadcrumb";
        }

        if (Datelines.TryParse(line, _rules.DatePrefixes) is { } iso)
        {
            if (iso.Length == 0)
            {
                article.Warnings.Add($"date line \"{line}\" has an ambiguous day/month order; no date taken from it");
            }
            else if (article.Date is null || (iso.StartsWith(article.Date, StringComparison.Ordinal) && iso.Length > article.Date.Length))
            {
                article.Date = iso;
            }

            return "dateline";
        }

        if (CountWords(line) <= 12 && _rules.Byline.Match(line) is { Success: true } byline)
        {
            foreach (var name in SplitNames(byline.Groups["who"].Value))
            {
                if (!article.Authors.Contains(name))
                {
                    article.Authors.Add(name);
                }
            }

            return "byline";
        }

        if (CountWords(line) <= 40 && _rules.CreditLine.IsMatch(line))
        {
            article.Credits.Add(line.TrimEnd('.'));
            return "credit";
        }

        return null;
    }

    /// <summary>With no title yet, the first kept paragraph at the head that reads as a headline is the title.</summary>
    private static void TakeTitleFromHead(Article article, List<string> paragraphs, string?[] reasons, double[]? keep)
    {
        if (!article.DetectTitleInText || article.Title is not null)
        {
            return;
        }

        if (keep is not null)
        {
            TakeTitleAmongHeadLines(article, paragraphs, reasons, keep);
            return;
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (reasons[i] is not null)
            {
                continue;
            }

            // News headlines do not end with a period; a first paragraph that does is the lead.
            if (IsHeadlineLike(paragraphs[i]) && !EndsWithPeriod(paragraphs[i]) && HasBodyAfter(paragraphs, reasons, i))
            {
                article.Title = StripWrappingQuotes(paragraphs[i]);
                reasons[i] = "title";
            }

            return;
        }
    }

    /// <summary>
    /// With the line scorer: of the headline-like lines before the first prose, the one it rates highest is the
    /// title, so chrome heading the dump ("Latest news", a breadcrumb, a section name) does not take its place.
    /// </summary>
    private static void TakeTitleAmongHeadLines(Article article, List<string> paragraphs, string?[] reasons, double[] keep)
    {
        var best = -1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (reasons[i] is not null)
            {
                continue;
            }

            if (IsProse(paragraphs[i]) && keep[i] >= BlockModels.KeepThreshold)
            {
                break;
            }

            if (IsHeadlineLike(paragraphs[i]) && !EndsWithPeriod(paragraphs[i]) && (best < 0 || keep[i] > keep[best]))
            {
                best = i;
            }
        }

        if (best >= 0 && HasBodyAfter(paragraphs, reasons, best))
        {
            article.Title = StripWrappingQuotes(paragraphs[best]);
            reasons[best] = "title";
        }
    }

    /// <summary>A marker ("Most popular", "Related") followed only by headline-like lines ends the article.</summary>
    private void MarkTail(List<string> paragraphs, string?[] reasons)
    {
        var firstContent = Array.FindIndex(reasons, r => r is null);
        for (var i = Math.Max(firstContent + 1, 1); i < paragraphs.Count; i++)
        {
            if (reasons[i] is not null && reasons[i] != "tail")
            {
                continue;
            }

            var line = paragraphs[i].Trim().TrimEnd(':', '|', '›', '»', ' ');
            if (line.Length > MaxChromeLineLength || !_rules.TailMarker.IsMatch(line))
            {
                continue;
            }

            var restIsLinks = Enumerable.Range(i + 1, paragraphs.Count - i - 1)
                .All(j => reasons[j] is not null || (IsHeadlineLike(paragraphs[j]) && !EndsWithPeriod(paragraphs[j])));
            if (restIsLinks)
            {
                for (var j = i; j < paragraphs.Count; j++)
                {
                    reasons[j] ??= "related-list";
                }

                return;
            }
        }
    }

    /// <summary>
    /// Headlines of other articles dropped between paragraphs: a "Read also:" prefix, or a
    /// two-sentence headline without final punctuation ("X have new dynamics. And it's bad for Y"),
    /// which real subheadings are not.
    /// </summary>
    private void MarkRelatedHeadlines(List<string> paragraphs, string?[] reasons)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (reasons[i] is not null)
            {
                continue;
            }

            var line = paragraphs[i].Trim();
            if (line.Length is 0 or > MaxChromeLineLength)
            {
                continue;
            }

            if (_rules.RelatedPrefix.IsMatch(line) && CountWords(line) <= HeadlineMaxWords)
            {
                reasons[i] = "related-headline";
            }
            else if (CountWords(line) <= RelatedHeadlineMaxWords && char.IsLetterOrDigit(line[^1])
                     && InnerSentenceBreak().IsMatch(line) && IsHeadlineLike(line) && !IsProseFragment(line)
                     && HasBodyBefore(reasons, i) && HasBodyAfter(paragraphs, reasons, i))
            {
                reasons[i] = "related-headline";
            }
        }
    }

    private static List<string> Rebuild(Article article, List<string> paragraphs, string?[] reasons)
    {
        var kept = new List<string>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (reasons[i] is { } reason)
            {
                article.Removed.Add(new Removal(paragraphs[i], reason));
            }
            else
            {
                kept.Add(paragraphs[i]);
            }
        }

        if (kept.Count != paragraphs.Count)
        {
            TextEdits.SetLayout(article, string.Join("\n\n", kept));
        }

        return kept;
    }

    /// <summary>"… since 2017. (erpe/AFP)": the agency credit at the very end is metadata.</summary>
    /// <summary>
    /// Site chrome (menus, credits, bylines, datelines, markers) is a short line; a longer paragraph is
    /// content, and is not run through the whole-line patterns (which need not be linear on it).
    /// </summary>
    private const int MaxChromeLineLength = 1000;

    private void StripAgencyCredit(Article article, List<string> kept)
    {
        if (kept.Count == 0)
        {
            return;
        }

        // A credit is a short tail: matching only the paragraph's end keeps the pattern's leading
        // \s* from rescanning a long run of spaces at every position.
        var last = kept[^1];
        var tailStart = Math.Max(0, last.Length - MaxChromeLineLength);
        var match = _rules.AgencyCredit.Match(last, tailStart);
        if (!match.Success)
        {
            return;
        }

        var credit = match.Groups["credit"].Value;
        article.Credits.Add(credit);
        article.Removed.Add(new Removal(match.Value.Trim(), "agency-credit"));
        kept[^1] = last[..match.Index].TrimEnd();
        if (kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        TextEdits.SetLayout(article, string.Join("\n\n", kept));
    }

    /// <summary>Headline-like paragraphs followed by body text are subheadings: kept, marked as headings.</summary>
    private static void MarkHeadings(Article article, List<string> kept)
    {
        article.HeadingParagraphs.Clear();
        for (var i = 0; i + 1 < kept.Count; i++)
        {
            if (IsHeadlineLike(kept[i], minWords: 1) && !EndsWithPeriod(kept[i]) && IsProse(kept[i + 1]))
            {
                article.HeadingParagraphs.Add(i);
            }
        }
    }

    private bool IsBreadcrumb(string line)
    {
        var trimmed = line.Trim();
        var words = CountWords(trimmed);
        if (words == 0 || words > _rules.BreadcrumbMaxWords + 2 || EndsSentence(trimmed))
        {
            return false;
        }

        var separated = _rules.BreadcrumbSeparators.Count(s => trimmed.Contains($" {s} ", StringComparison.Ordinal));
        foreach (var home in _rules.HomeWords)
        {
            if (trimmed.StartsWith(home, StringComparison.OrdinalIgnoreCase)
                && (trimmed.Length == home.Length || !char.IsLetter(trimmed[home.Length])))
            {
                var rest = trimmed[home.Length..].Trim(' ', '>', '›', '»', '/', '|', '→');
                return separated > 0 || CountWords(rest) <= _rules.BreadcrumbMaxWords - 2;
            }
        }

        return false;
    }

    /// <summary>
    /// Looks like two sentences without a final stop, yet is not a headline: a hard-wrapped line of prose
    /// (ends with a function word), a table row (columns padded with spaces) or a post (ends with a link).
    /// </summary>
    private bool IsProseFragment(string line)
    {
        var lastWordStart = line.LastIndexOf(' ') + 1;
        return _rules.NotHeadlineEndings.Contains(line[lastWordStart..])
            || line.Contains("  ", StringComparison.Ordinal)
            || line.Contains("://", StringComparison.Ordinal);
    }

    internal static bool IsHeadlineLike(string paragraph, int minWords = 2)
    {
        var line = paragraph.Trim();
        if (line.Length is 0 or > 220)
        {
            return false;
        }

        var words = CountWords(line);
        var first = line.TrimStart('"', '\'', '‘', '“', '„', '«', '(').FirstOrDefault();
        return words >= minWords && words <= HeadlineMaxWords
            && (char.IsUpper(first) || char.IsDigit(first))
            && !line.EndsWith(',') && !line.EndsWith(';') && !line.EndsWith(':');
    }

    private static bool HasBodyAfter(List<string> paragraphs, string?[] reasons, int index)
    {
        for (var j = index + 1; j < paragraphs.Count; j++)
        {
            if (reasons[j] is null && IsProse(paragraphs[j]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBodyBefore(string?[] reasons, int index)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            if (reasons[j] is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Running text: ends like a sentence, or is long.</summary>
    private static bool IsProse(string paragraph) =>
        EndsSentence(paragraph) || CountWords(paragraph) > HeadlineMaxWords;

    private static bool EndsSentence(string line)
    {
        var trimmed = line.TrimEnd().TrimEnd('"', '\'', '’', '”', '»', ')');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '…';
    }

    private static bool EndsWithPeriod(string line) => line.TrimEnd().EndsWith('.');

    internal static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }

    private static string StripWrappingQuotes(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 2 && IsOpeningQuote(trimmed[0]) && IsClosingQuote(trimmed[^1])
               && trimmed.IndexOfAny(['"', '“', '”', '‘', '’', '«', '»'], 1) == trimmed.Length - 1
            ? trimmed[1..^1].Trim()
            : trimmed;
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '\'' or '‘' or '“' or '„' or '«';

    private static bool IsClosingQuote(char c) => c is '"' or '\'' or '’' or '”' or '“' or '»';

    private static IEnumerable<string> SplitNames(string who) =>
        AndSplit().Split(who).Select(n => n.Trim()).Where(n => n.Length > 0);

    [GeneratedRegex(@"\p{Ll}{2,}[.!?]\s+\p{Lu}")]
    private static partial Regex InnerSentenceBreak();

    [GeneratedRegex(@"\s*(?:,|\band\b|\bund\b|\ben\b|\bet\b|\by\b)\s*")]
    private static partial Regex AndSplit();
}
