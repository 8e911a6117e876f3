using Normalize.Core.Pipeline;
using Normalize.Core.Repair.Detectors;
using Normalize.Core.Repair.Filters;

namespace Normalize.Core.Repair;

/// <summary>
/// Repairs machine-translation artifacts in English text with dictionary evidence and per-language
/// packs, and flags the sentences it cannot repair safely. Order: garbled sentences are found first
/// (so the rewriting filters can keep out of them), then each filter runs on the text the previous
/// one left, then leftovers are looked for in the result. Text that is not English is left alone.
/// </summary>
public sealed class RepairStage : IStage
{
    private readonly RepairRules _rules;
    private readonly Dictionaries _dictionaries;

    private readonly IGarbleDetector[] _before = [new TeaserCutDetector(), new RepetitionDetector(), new WordOrderDetector()];
    private readonly IRepairFilter[] _wordShape = [new SplitWordFilter(), new TruncatedWordFilter()];
    private readonly IRepairFilter[] _afterLanguage =
    [
        new ApertiumMarkFilter(), new SourceLanguagePackFilter(), new StrayFunctionWordFilter(),
        new ClauseJoinCapitalFilter(), new CreditLineFilter(), new QuotePunctuationFilter(),
    ];
    private readonly IGarbleDetector[] _after = [new LeftoverDetector()];
    private readonly IRepairFilter[] _titleFilters =
    [
        new SplitWordFilter(), new TruncatedWordFilter(), new ApertiumMarkFilter(), new SourceLanguagePackFilter(),
    ];

    public RepairStage(RepairRules rules, Dictionaries dictionaries)
    {
        _rules = rules;
        _dictionaries = dictionaries;
    }

    public string Name => StageNames.Repair;

    /// <summary>The dictionaries in use; their <see cref="Dictionaries.Availability"/> is the warning to print once.</summary>
    public Dictionaries Dictionaries => _dictionaries;

    public void Process(Article article)
    {
        string? recordLanguage;
        if (article.ParagraphLanguages.Count > 0)
        {
            // Identified by the language stage: only an English article has English to repair. A declared
            // language other than English on an article that reads as English says where it was translated from.
            if (Primary(article.Language) != "en")
            {
                return;
            }

            recordLanguage = Primary(article.DeclaredLanguage);
        }
        else
        {
            recordLanguage = Primary(article.Language);
            if (!ReadsAsEnglish(article.Text, recordLanguage is null or "en" ? MostlyEnglish : EnglishTranslation))
            {
                return; // text in another language (or labelled so and reading so): nothing of English to repair
            }
        }

        var english = recordLanguage is null or "en";

        // Over-long paragraphs are left unread (RepairContext skips them); say so once.
        article.OverlongParagraphs(Name);

        var context = new RepairContext(article, _dictionaries, _rules)
        {
            ApertiumMarked = ApertiumMarkFilter.IsApertiumOutput(article),
            // A record that says "lang: nl" but reads as English is a translation from Dutch.
            SourceLanguage = Primary(article.TranslatedFrom) ?? (english ? null : recordLanguage),
        };

        Detect(context, _before);
        foreach (var filter in _wordShape)
        {
            context.Apply(filter.Find(context));
        }

        if (context.SourceLanguage is null)
        {
            var evidence = LanguageEvidence.Collect(context);
            var (language, strong) = LanguageEvidence.Detect(evidence, context.ArtifactsRepaired > 0 || context.ApertiumMarked);
            context.SourceLanguage = language;
            if (strong && article.TranslatedFrom is null)
            {
                article.TranslatedFrom = language;
            }
        }

        foreach (var filter in _afterLanguage)
        {
            context.Apply(filter.Find(context));
        }

        Detect(context, _after);
        EmitFlags(context);
        RepairTitle(context);
        if (context.SkippedTokens > 0)
        {
            article.Warnings.Add($"{Name} stage: {context.SkippedTokens} token(s) longer than the {article.Budget.MaxTokenChars:N0}-character token budget left as they were");
        }
    }

    /// <summary>
    /// The title gets the word repairs of the text (marks, split and truncated words, the pack) with the
    /// same source language; changes are logged with a "title:" rule prefix, as typography does.
    /// </summary>
    private void RepairTitle(RepairContext context)
    {
        var article = context.Article;
        if (string.IsNullOrWhiteSpace(article.Title) || !article.IsEnglishTitle)
        {
            return;
        }

        var title = new Article(article.Id, article.Source, article.Title) { TranslatedFrom = article.TranslatedFrom };
        var titleContext = new RepairContext(title, _dictionaries, _rules)
        {
            ApertiumMarked = context.ApertiumMarked,
            SourceLanguage = context.SourceLanguage,
        };
        foreach (var filter in _titleFilters)
        {
            titleContext.Apply(filter.Find(titleContext));
        }

        foreach (var change in title.Changes)
        {
            article.Changes.Add(change with { Rule = "title:" + change.Rule });
        }

        article.Title = title.Text;
    }

    private static void Detect(RepairContext context, IGarbleDetector[] detectors)
    {
        var sentences = context.Sentences;
        foreach (var detector in detectors)
        {
            detector.Detect(context, sentences);
        }
    }

    private static void EmitFlags(RepairContext context)
    {
        var text = context.Text;
        var flagged = context.Article.Flags.Select(f => (f.Sentence, f.Reason)).ToHashSet();
        foreach (var anchor in context.Anchors.OrderBy(a => a.Start).ThenBy(a => a.Reason, StringComparer.Ordinal))
        {
            var start = Math.Clamp(anchor.Start, 0, text.Length);
            var end = Math.Clamp(anchor.End, start, text.Length);
            var sentence = text[start..end].Trim();
            var reason = anchor.Details.Count == 0 ? anchor.Reason : $"{anchor.Reason}: {string.Join(", ", anchor.Details)}";
            if (sentence.Length > 0 && flagged.Add((sentence, reason)))
            {
                context.Article.Flags.Add(new Flag(sentence, reason, anchor.Score));
            }
        }
    }

    /// <summary>Share of lower-case words that are English, above which a text labelled otherwise is an English translation.</summary>
    private const double EnglishTranslation = 0.8;

    /// <summary>Share below which a text labelled English is in fact another language (a French or Russian page).</summary>
    private const double MostlyEnglish = 0.5;

    private bool ReadsAsEnglish(string text, double share)
    {
        if (_dictionaries.English is null)
        {
            return share <= MostlyEnglish; // without a dictionary, trust the label
        }

        var words = RepairText.EnumerateWords(text).Where(w => w.IsLowercaseWord).Take(400).ToList();
        return words.Count < 2 ? share <= MostlyEnglish : words.Count(w => _dictionaries.IsEnglishWord(w.Value)) >= share * words.Count;
    }

    /// <summary>"nl-BE" → "nl".</summary>
    private static string? Primary(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Split('-', '_')[0].ToLowerInvariant();
}
