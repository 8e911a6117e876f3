namespace Normalize.Core.Repair;

/// <summary>
/// What the repair filters share while one article is repaired: the dictionaries and rules, the
/// source language once known, and the sentences flagged so far (kept as ranges that follow the
/// text through every edit, so a flag names the sentence as it finally reads).
/// </summary>
public sealed class RepairContext
{
    private readonly List<FlagAnchor> _anchors = [];

    /// <summary>The anchors by (start, reason), and the garbled ranges in text order: rebuilt when the anchors change.</summary>
    private readonly Dictionary<(int Start, string Reason), FlagAnchor> _anchorIndex = [];
    private List<(int Start, int End)>? _garbled;
    private string? _spansFor;
    private IReadOnlyList<(int Start, int End)> _quoted = [];
    private string? _tokensFor;
    private WordToken[] _words = [];
    private IReadOnlyList<SentenceRange> _sentences = [];

    public RepairContext(Article article, Dictionaries dictionaries, RepairRules rules)
    {
        Article = article;
        Dictionaries = dictionaries;
        Rules = rules;
    }

    public Article Article { get; }

    public string Text => Article.Text;

    public Dictionaries Dictionaries { get; }

    public RepairRules Rules { get; }

    /// <summary>The text carries Apertium's unknown-word marks (several, or the article is a known translation).</summary>
    public bool ApertiumMarked { get; set; }

    /// <summary>The source language whose pack applies (known from the record or detected), or null.</summary>
    public string? SourceLanguage { get; set; }

    public LanguagePack? Pack => SourceLanguage is null ? null : Rules.Packs.GetValueOrDefault(SourceLanguage);

    /// <summary>Machine-translation artifacts repaired so far (split and truncated words): evidence of MT.</summary>
    public int ArtifactsRepaired { get; set; }

    public IReadOnlyList<FlagAnchor> Anchors => _anchors;

    /// <summary>Tokens of the current text longer than the article's token budget, which no filter reads.</summary>
    public int SkippedTokens { get; private set; }

    /// <summary>Short quoted spans ("Dnepr", titles) of the current text, which word repairs leave alone.</summary>
    public IReadOnlyList<(int Start, int End)> QuotedSpans
    {
        get
        {
            if (!ReferenceEquals(_spansFor, Text))
            {
                _quoted = RepairText.ShortQuotedSpans(Text);
                _spansFor = Text;
            }

            return _quoted;
        }
    }

    public bool IsQuoted(int start, int end) => RepairText.Inside(QuotedSpans, start, end);

    /// <summary>The words of the current text, tokenised once per version of the text (every filter reads them).</summary>
    public IReadOnlyList<WordToken> Words
    {
        get
        {
            Tokenize();
            return _words;
        }
    }

    /// <summary>The sentences of the current text, split once per version of the text.</summary>
    public IReadOnlyList<SentenceRange> Sentences
    {
        get
        {
            Tokenize();
            return _sentences;
        }
    }

    /// <summary>The words inside <paramref name="range"/> of the current text: a slice of <see cref="Words"/>, no copy.</summary>
    public IReadOnlyList<WordToken> WordsIn(SentenceRange range)
    {
        // Detectors ask sentence by sentence: the article's time budget is checked here.
        Article.Deadline.Check();
        Tokenize();
        var first = FirstWordAtOrAfter(range.Start);
        var last = first;
        while (last < _words.Length && _words[last].End <= range.End)
        {
            last++;
        }

        return new ArraySegment<WordToken>(_words, first, last - first);
    }

    private int FirstWordAtOrAfter(int offset)
    {
        int low = 0, high = _words.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_words[mid].Start < offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void Tokenize()
    {
        if (ReferenceEquals(_tokensFor, Text))
        {
            return;
        }

        var text = Text;
        _words = RepairText.WordArray(text);
        _sentences = RepairText.Sentences(text);

        // Paragraphs identified as another language are not English with defects, and paragraphs over the size
        // budget are not read (see RepairStage): no detector or filter reads them.
        var unread = Article.NonEnglishRanges().Concat(Article.OverlongParagraphs().Select(r => (r.Start, r.End, "")))
            .OrderBy(r => r.Start).ToList();
        if (unread.Count > 0)
        {
            _words = [.. _words.Where(w => !Article.InRanges(unread, w.Start))];
            _sentences = _sentences.Where(s => !Article.InRanges(unread, s.Start)).ToList();
        }

        // A "word" longer than the token budget (a run of letters hundreds of kilobytes long) is no word to spell-check or join.
        SkippedTokens = _words.Count(w => w.Value.Length > Article.Budget.MaxTokenChars);
        if (SkippedTokens > 0)
        {
            _words = [.. _words.Where(w => w.Value.Length <= Article.Budget.MaxTokenChars)];
        }

        _tokensFor = text;
    }

    /// <summary>Flags the sentence <paramref name="sentence"/> of the current text (merged per sentence and reason).</summary>
    public void Flag(SentenceRange sentence, string reason, double score, string? detail = null)
    {
        Article.Deadline.Check();
        if (_anchorIndex.TryGetValue((sentence.Start, reason), out var anchor))
        {
            if (detail is not null && !anchor.Details.Contains(detail))
            {
                anchor.Details.Add(detail);
            }

            return;
        }

        var added = new FlagAnchor(sentence.Start, sentence.End, reason, score);
        if (detail is not null)
        {
            added.Details.Add(detail);
        }

        _anchors.Add(added);
        _anchorIndex[(added.Start, reason)] = added;
        _garbled = null;
    }

    /// <summary>Whether a sentence around <paramref name="offset"/> is flagged as garbled (such sentences are not rewritten).</summary>
    public bool IsGarbled(int offset)
    {
        // Asked per candidate word: the garbled ranges merged in text order, then a binary search.
        _garbled ??= Merge(_anchors.Where(a => a.Garbled).Select(a => (a.Start, a.End)));
        int low = 0, high = _garbled.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_garbled[middle].End <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < _garbled.Count && offset >= _garbled[low].Start;
    }

    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> ranges)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges.Where(r => r.End > r.Start).OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
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

    /// <summary>Applies one filter's edits and keeps the flag ranges on their sentences.</summary>
    public int Apply(IReadOnlyList<TextEdit> edits)
    {
        Article.Deadline.Check();

        // Rules written for English touch English paragraphs only (a quoted German paragraph stays as written).
        var foreign = Article.NonEnglishRanges();
        var sorted = edits.Where(e => !Article.InRanges(foreign, e.Start)).OrderBy(e => e.Start).ToList();
        var applied = TextEdits.Apply(Article, Pipeline.StageNames.Repair, sorted);
        if (applied > 0)
        {
            var map = new OffsetMap(sorted);
            _anchorIndex.Clear();
            _garbled = null;
            foreach (var anchor in _anchors)
            {
                anchor.Start = map.Map(anchor.Start, isEnd: false);
                anchor.End = map.Map(anchor.End, isEnd: true);
                _anchorIndex.TryAdd((anchor.Start, anchor.Reason), anchor);
            }
        }

        return applied;
    }
}

/// <summary>A flagged sentence's range in the current text.</summary>
public sealed class FlagAnchor(int start, int end, string reason, double score)
{
    public int Start { get; set; } = start;
    public int End { get; set; } = end;
    public string Reason { get; } = reason;
    public double Score { get; } = score;
    public List<string> Details { get; } = [];

    /// <summary>Garbled sentences are never rewritten; an untranslated word or a leftover is not garbling.</summary>
    public bool Garbled => Reason is not (FlagReasons.Untranslated or FlagReasons.Leftover or FlagReasons.PossibleLeftover);
}

/// <summary>The reasons a sentence is flagged (the <c>reason</c> field of a flag starts with one of these).</summary>
public static class FlagReasons
{
    public const string Untranslated = "untranslated-word";
    public const string Leftover = "source-language-leftover";
    public const string PossibleLeftover = "possible-source-language-leftover";
    public const string TeaserCut = "teaser-cut";
    public const string Repetition = "repeated-words";
    public const string VerbSecond = "foreign-word-order";
    public const string ClauseJoin = "translator-clause-join";
}
