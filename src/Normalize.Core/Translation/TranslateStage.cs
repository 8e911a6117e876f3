using System.Collections.Concurrent;
using Normalize.Core.Pipeline;

namespace Normalize.Core.Translation;

/// <summary>
/// Translates an article that is not in English into English, after boilerplate (and language
/// identification) and before typography, so the English stages see English. The first backend that
/// covers the language does it; the record keeps the original (<see cref="Article.Original"/>), says what
/// it was translated from and by which backend. Paragraphs map one to one, so heading indexes stay valid.
/// Every translation goes through the cache: a re-run makes no request and gives the same bytes. When no
/// backend covers a language the article stays as it is and <see cref="Notice"/> says so once per language.
/// </summary>
public sealed class TranslateStage : IStage, IDisposable
{
    public const string TargetLanguage = "en";

    private readonly IReadOnlyList<ITranslator> _translators;
    private readonly TranslationRules _rules;
    private readonly TranslationCache _cache;
    private readonly string _unavailable;
    private readonly ConcurrentDictionary<string, bool> _noticed = new(StringComparer.Ordinal);

    /// <param name="translators">The backends in order of preference.</param>
    /// <param name="unavailable">Why backends are missing, for the notice ("apertium is not installed").</param>
    public TranslateStage(IReadOnlyList<ITranslator> translators, TranslationRules rules, TranslationCache cache, string unavailable = "")
    {
        _translators = translators;
        _rules = rules;
        _cache = cache;
        _unavailable = unavailable;
    }

    public string Name => StageNames.Translate;

    /// <summary>Called once per language that stays untranslated, with the reason.</summary>
    public Action<string> Notice { get; set; } = _ => { };

    public IReadOnlyList<ITranslator> Translators => _translators;

    public void Process(Article article)
    {
        if (article.Original is not null || string.IsNullOrWhiteSpace(article.Language))
        {
            return; // translated already (the stage is idempotent), or no language to go by
        }

        // Backends get the record's own code ("hr"); the macrolanguage ("hbs") only decides what is English.
        var language = Primary(article.Language);
        if (IsEnglishOrNone(language) || article.Text.Length == 0 && string.IsNullOrWhiteSpace(article.Title))
        {
            return;
        }

        var translator = Find(language);
        if (translator is null)
        {
            return;
        }

        // Each paragraph in its identified language (the language stage's; else the article's): English ones
        // stay as they are, others go to their language's backend; one without a backend stays too.
        var paragraphs = article.Paragraphs.ToArray();
        var languages = Enumerable.Range(0, paragraphs.Length)
            .Select(i => article.ParagraphLanguages.Count > i ? Primary(article.ParagraphLanguages[i]) : language).ToArray();
        var titleLanguage = article.Title is null ? language : Primary(article.TitleLanguage ?? article.Language);
        var original = new OriginalText(article.Language, article.Title, article.Text);

        // Over the size budget a paragraph stays as it is: a backend can take minutes on a 600 KB "word".
        var overBudget = OverBudget(paragraphs, article);
        string? description = null;
        string? title = null;
        var translatedParagraphs = new List<int>();

        // The article's time left bounds the wait for a backend; nothing is changed until every group is back.
        using var timeout = article.Deadline.CancelWhenSpent();
        foreach (var group in languages.Append(titleLanguage).Distinct(StringComparer.Ordinal).Where(l => !IsEnglishOrNone(l)))
        {
            var backend = group == language ? translator : Find(group);
            if (backend is null)
            {
                continue;
            }

            var indexes = Enumerable.Range(0, paragraphs.Length).Where(i => languages[i] == group && !overBudget.Contains(i)).ToList();
            var withTitle = !string.IsNullOrWhiteSpace(article.Title) && titleLanguage == group && !OverBudget(article.Title!, article.Budget);
            var segments = indexes.Select(i => paragraphs[i]).ToList();
            if (withTitle)
            {
                segments.Insert(0, article.Title!);
            }

            IReadOnlyList<string> translated;
            string by;
            try
            {
                (translated, by) = Translate(backend, group, segments, article, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw article.Deadline.Exceeded();
            }

            if (group == language)
            {
                description = by;
            }

            var offset = withTitle ? 1 : 0;
            title = withTitle ? translated[0] : title;
            for (var j = 0; j < indexes.Count; j++)
            {
                // A paragraph stays one paragraph: a blank line the backend made inside one would shift headings.
                paragraphs[indexes[j]] = OneParagraph(translated[j + offset]);
                translatedParagraphs.Add(indexes[j]);
            }
        }

        if (title is null && translatedParagraphs.Count == 0)
        {
            return; // nothing went to a backend (every paragraph over the budget): the record must not say translated
        }

        if (title is not null)
        {
            article.Title = title;
            article.TitleLanguage = TargetLanguage;
        }

        foreach (var index in translatedParagraphs.Where(i => article.ParagraphLanguages.Count > i))
        {
            article.ParagraphLanguages[index] = TargetLanguage;
        }

        article.Original = original;
        article.Text = string.Join("\n\n", paragraphs);
        article.TranslatedFrom = article.Language;
        article.Translator = description ?? translator.Describe(language);
        article.Language = TargetLanguage;
    }

    private static string Primary(string language) => language.Split('-', '_')[0].ToLowerInvariant();

    /// <summary>The paragraphs over the article's size budget (said in a warning each), which are not translated.</summary>
    private HashSet<int> OverBudget(string[] paragraphs, Article article)
    {
        var over = new HashSet<int>();
        for (var i = 0; i < paragraphs.Length; i++)
        {
            if (OverBudget(paragraphs[i], article.Budget))
            {
                over.Add(i);
                article.Warnings.Add($"{Name} stage: paragraph {i + 1} ({paragraphs[i].Length:N0} characters) is over the paragraph ({article.Budget.MaxParagraphChars:N0}) "
                    + $"or token ({article.Budget.MaxTokenChars:N0} characters) budget; left untranslated");
            }
        }

        return over;
    }

    /// <summary>Longer than the paragraph budget, or holding a run without a space longer than the token budget.</summary>
    private static bool OverBudget(string text, ArticleBudget budget)
    {
        if (text.Length > budget.MaxParagraphChars)
        {
            return true;
        }

        var run = 0;
        foreach (var c in text)
        {
            run = char.IsWhiteSpace(c) ? 0 : run + 1;
            if (run > budget.MaxTokenChars)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsEnglishOrNone(string language) =>
        _rules.Canonical(language) is TargetLanguage || language is "und" or "zxx" or "";

    /// <summary>The first backend for <paramref name="language"/>; null, said once per language, when none.</summary>
    private ITranslator? Find(string language)
    {
        var translator = _translators.FirstOrDefault(t => t.Supports(language));
        if (translator is null && _noticed.TryAdd(language, true))
        {
            var backends = _translators.Count == 0 ? "" : $" ({string.Join(", ", _translators.Select(t => t.Name))} cannot translate it)";
            var why = _unavailable.Length == 0 ? "" : $"; {_unavailable}";
            Notice($"no translator from '{language}' into English{backends}{why}: text in '{language}' keeps its original wording");
        }

        return translator;
    }

    private (IReadOnlyList<string> Texts, string Translator) Translate(ITranslator translator, string language, List<string> segments, Article article, CancellationToken cancellation)
    {
        var results = new string[segments.Count];
        var keys = new string[segments.Count];
        string? description = null;
        var missing = new List<int>();
        for (var i = 0; i < segments.Count; i++)
        {
            keys[i] = TranslationCache.Key(translator.Name, language, TargetLanguage, segments[i]);
            if (segments[i].Trim().Length == 0)
            {
                results[i] = segments[i];
            }
            else if (_cache.TryGet(keys[i], out var cached, out var by))
            {
                results[i] = cached;
                description ??= by;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            IReadOnlyList<string> fresh;
            try
            {
                fresh = translator.Translate(language, missing.Select(i => segments[i]).ToList(), cancellation);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not TranslationException)
            {
                throw new TranslationException($"article '{article.Id}': {translator.Name} translation failed: {ex.Message}", ex);
            }
            catch (TranslationException ex)
            {
                throw new TranslationException($"article '{article.Id}': {ex.Message}", ex);
            }

            if (fresh.Count != missing.Count)
            {
                throw new TranslationException($"article '{article.Id}': {translator.Name} returned {fresh.Count} translations for {missing.Count} texts");
            }

            var now = translator.Describe(language);
            description ??= now;
            for (var j = 0; j < missing.Count; j++)
            {
                results[missing[j]] = fresh[j];
                _cache.Add(keys[missing[j]], fresh[j], now);
            }
        }

        return (results, description ?? translator.Describe(language));
    }

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var translator in _translators.OfType<IDisposable>())
        {
            translator.Dispose();
        }
    }

    private static string OneParagraph(string text)
    {
        var trimmed = text.Trim();
        while (trimmed.Contains("\n\n", StringComparison.Ordinal))
        {
            trimmed = trimmed.Replace("\n\n", "\n", StringComparison.Ordinal);
        }

        return trimmed;
    }
}
