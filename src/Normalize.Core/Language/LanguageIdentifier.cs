using System.Buffers;

namespace Normalize.Core.Language;

/// <summary>The identified language: an ISO 639-1 code ("hbs" for Croatian, Serbian and Bosnian together),
/// "und-Xxxx" for letters of a script no profile covers (ISO 15924 script), "und" for text without letters.
/// <paramref name="Confidence"/> is the share of the best language in a softened posterior over the candidates
/// (1 when the script decides alone), not a calibrated probability.</summary>
public sealed record LanguageGuess(string Code, double Confidence, string? Script, int Letters)
{
    public static LanguageGuess Undetermined { get; } = new(LanguageIdentifier.Undetermined, 0, null, 0);
}

/// <summary>Weights of the identifier's two kinds of evidence, and of the declared language.</summary>
public sealed record LanguageIdentifierOptions
{
    public static LanguageIdentifierOptions Default { get; } = new();

    /// <summary>How much a function word counts against the n-grams (1 = its log-likelihood ratio as is).</summary>
    public double FunctionWordWeight { get; init; } = 64;

    /// <summary>Nats added to the declared (or surrounding) language: tips short, ambiguous text only.</summary>
    public double PriorBonus { get; init; } = 2.0;

    /// <summary>Text read per call: about 60 words, past the length where paragraphs are identified at 0.99 (bench langid); the rest adds only time.</summary>
    public int MaxChars { get; init; } = 400;
}

/// <summary>
/// Offline language identification: the script of the letters first (Hangul is Korean, kana Japanese,
/// Greek Greek...), then, inside Latin, Cyrillic and Arabic script, a naive-Bayes score over character
/// n-grams (orders 1-4) plus function words, from <see cref="LanguageProfiles"/>. Thread-safe; one call
/// allocates only the result.
/// </summary>
public sealed class LanguageIdentifier
{
    public const string Undetermined = "und";

    /// <summary>A function word's probability mass in running text (the share of such words in prose).</summary>
    private const double FunctionWordMass = 0.4;

    /// <summary>Word probability assumed for a word the other language does not list (the ratio's denominator).</summary>
    private const double OtherWordProbability = 2e-5;

    /// <summary>The length of a function-word list the bonus assumes (ours have 40 to 100 words).</summary>
    private const double TypicalListLength = 80;

    /// <summary>Temperature of the confidence: n-grams of one word are far from independent.</summary>
    private const double ConfidenceTemperature = 8;

    private readonly LanguageProfiles _profiles;
    private readonly GramTable _grams;
    private readonly FunctionWordTable _words;
    private readonly float[] _wordBonus;
    private readonly float[][] _floors;
    private readonly Dictionary<string, int[]> _candidatesByScript;
    private readonly Dictionary<string, int> _indexByCode;

    /// <summary>
    /// Function-word margin per letter past which the n-grams are not read: the largest gain any gram of the profile
    /// gives (plus any spread of the languages' floors). Grams of neighbouring orders share letters, so this is no
    /// strict bound, but no text of the bench came near it (an n-gram lead of at most ~12 nats per letter, on short
    /// sentences with a letter of their own), and above it the answer was the same on every bench unit.
    /// </summary>
    private readonly float _decisivePerLetter;

    public LanguageIdentifier(LanguageProfiles profiles, LanguageIdentifierOptions? options = null)
    {
        _profiles = profiles;
        Options = options ?? LanguageIdentifierOptions.Default;
        _grams = profiles.Grams;
        _floors = profiles.Floors;
        _words = new FunctionWordTable(profiles.FunctionWords);
        // Every listed function word is worth the same: the lists differ in length, not in how much of prose
        // their words make (a longer list would otherwise spread the same mass thinner, Zipf notwithstanding).
        _wordBonus = profiles.FunctionWordCounts
            .Select(n => n == 0 ? 0f : (float)(Options.FunctionWordWeight * Math.Log(FunctionWordMass / TypicalListLength / OtherWordProbability)))
            .ToArray();
        _candidatesByScript = profiles.LanguageScripts
            .SelectMany((scripts, i) => scripts.Split(',').Select(script => (script, i)))
            .GroupBy(p => p.script, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray(), StringComparer.Ordinal);
        _indexByCode = profiles.Codes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _decisivePerLetter = _grams.MaxGain + Enumerable.Range(0, LanguageFeatures.MaxOrder).Sum(o => _floors.Max(f => f[o]) - _floors.Min(f => f[o]));
    }

    private static readonly Lazy<LanguageIdentifier> DefaultInstance = new(() => new LanguageIdentifier(LanguageProfiles.Embedded));

    /// <summary>The identifier over the embedded profiles with the default weights.</summary>
    public static LanguageIdentifier Default => DefaultInstance.Value;

    public LanguageIdentifierOptions Options { get; }

    public IReadOnlyList<string> Languages => _profiles.Codes;

    public LanguageGuess Identify(string? text, string? prior = null) => Identify(text.AsSpan(), prior);

    /// <summary>
    /// The language of <paramref name="text"/>. <paramref name="prior"/> (a declared or surrounding
    /// language, BCP-47) is evidence worth <see cref="LanguageIdentifierOptions.PriorBonus"/>: it decides only
    /// between languages the text itself hardly tells apart.
    /// </summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text, string? prior = null)
    {
        if (text.Length > Options.MaxChars)
        {
            var cut = text[..Options.MaxChars].LastIndexOf(' ');
            text = text[..(cut > 0 ? cut : Options.MaxChars)];
        }

        var (script, letters, kana, han) = DominantScript(text);
        if (script is null)
        {
            return LanguageGuess.Undetermined;
        }

        if (script is Scripts.Han or Scripts.Kana)
        {
            // Japanese writes its grammar in kana; Chinese has none.
            return new LanguageGuess(kana * 20 >= kana + han ? "ja" : "zh", 1, script, letters);
        }

        if (Scripts.SoleLanguage(script) is { } sole)
        {
            return new LanguageGuess(sole, 1, script, letters);
        }

        if (!_candidatesByScript.TryGetValue(script, out var candidates))
        {
            return new LanguageGuess($"{Undetermined}-{script}", 1, script, letters);
        }

        if (candidates.Length == 1)
        {
            return new LanguageGuess(_profiles.Codes[candidates[0]], 1, script, letters);
        }

        var priorIndex = prior is not null && _indexByCode.TryGetValue(PrimaryCode(prior), out var p) ? p : -1;
        // Function words first: they are few and cheap to look up. When their margin is more than the n-grams
        // could plausibly make up (every letter worth the best gram of the profile to the runner-up), the
        // n-grams cannot change the answer and are not read: most paragraphs of prose end here.
        var scores = new float[_profiles.Codes.Count];
        AddFunctionWords(text, scores);
        AddPrior(scores, priorIndex);
        if (!IsDecisive(scores, candidates, letters))
        {
            var buffer = ArrayPool<char>.Shared.Rent(text.Length + 2);
            try
            {
                scores = Score(text, buffer.AsSpan(0, LanguageFeatures.Normalize(text, buffer)), includeWords: true);
                AddPrior(scores, priorIndex);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        var best = candidates[0];
        foreach (var c in candidates)
        {
            if (scores[c] > scores[best] || (scores[c] == scores[best] && string.CompareOrdinal(_profiles.Codes[c], _profiles.Codes[best]) < 0))
            {
                best = c;
            }
        }

        double total = 0;
        foreach (var c in candidates)
        {
            total += Math.Exp((scores[c] - scores[best]) / ConfidenceTemperature);
        }

        return new LanguageGuess(_profiles.Codes[best], 1 / total, script, letters);
    }

    private void AddPrior(float[] scores, int priorIndex)
    {
        if (priorIndex >= 0)
        {
            scores[priorIndex] += (float)Options.PriorBonus;
        }
    }

    /// <summary>Whether the best candidate leads the next by more than <see cref="_decisivePerLetter"/> per letter.</summary>
    private bool IsDecisive(float[] scores, int[] candidates, int letters)
    {
        var best = float.NegativeInfinity;
        var second = float.NegativeInfinity;
        foreach (var c in candidates)
        {
            if (scores[c] > best)
            {
                second = best;
                best = scores[c];
            }
            else if (scores[c] > second)
            {
                second = scores[c];
            }
        }

        return best - second > _decisivePerLetter * letters;
    }

    /// <summary>The profile language a BCP-47 tag names ("de-AT" → de; hr, sr, bs → hbs).</summary>
    public static string PrimaryCode(string tag)
    {
        var primary = tag.Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "hr" or "sr" or "bs" or "sh" or "cnr" => "hbs",
            "nb" or "nn" => "no",
            _ => primary,
        };
    }

    /// <summary>The n-gram and function-word scores of each candidate of the text's script, best first (for the bench's --explain).</summary>
    public IReadOnlyList<(string Code, double Grams, double Words)> Explain(string text)
    {
        var (script, _, _, _) = DominantScript(text);
        if (script is null || !_candidatesByScript.TryGetValue(script, out var candidates))
        {
            return [];
        }

        var buffer = new char[text.Length + 2];
        var normalized = buffer.AsSpan(0, LanguageFeatures.Normalize(text, buffer));
        var all = Score(text, normalized, includeWords: true);
        var grams = Score(text, normalized, includeWords: false);
        return candidates.Select(c => (_profiles.Codes[c], (double)grams[c], (double)(all[c] - grams[c])))
            .OrderByDescending(p => p.Item2 + p.Item3).ToList();
    }

    private float[] Score(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, bool includeWords)
    {
        var languages = _profiles.Codes.Count;
        var scores = new float[languages];
        Span<int> counts = stackalloc int[LanguageFeatures.MaxOrder];
        var keys = ArrayPool<ulong>.Shared.Rent(normalized.Length * LanguageFeatures.MaxOrder);
        try
        {
            var collector = new KeyCollector(keys);
            LanguageFeatures.VisitGramKeys(normalized, ref collector);
            _grams.AddAll(keys.AsSpan(0, collector.Count), scores, counts);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
        }

        for (var language = 0; language < languages; language++)
        {
            for (var order = 0; order < LanguageFeatures.MaxOrder; order++)
            {
                scores[language] += counts[order] * _floors[language][order];
            }
        }

        if (includeWords)
        {
            AddFunctionWords(text, scores);
        }

        return scores;
    }

    private void AddFunctionWords(ReadOnlySpan<char> text, float[] scores)
    {
        var visitor = new WordVisitor(_words, _wordBonus, scores);
        LanguageFeatures.VisitWords(text, ref visitor);
    }

    /// <summary>
    /// Adds the bonus of each listed function word. Only function words elide ("l'État", "qu'il", "dell'anno"), so a
    /// word an apostrophe glues to anything else is a suffix or clitic, not a free word: Turkish writes case endings
    /// so after names and numbers ("Kore'den", "2018'in"), English its possessive ("Trump's"), and read as words
    /// they would pass for German "den", English "in", French "s".
    /// </summary>
    private struct WordVisitor(FunctionWordTable words, float[] bonus, float[] scores) : LanguageFeatures.IWordVisitor
    {
        private bool _previousListed;

        public void Visit(ReadOnlySpan<char> word, bool afterApostrophe, bool afterDigit)
        {
            if (afterApostrophe && (afterDigit || !_previousListed))
            {
                _previousListed = false;
                return;
            }

            var languages = words.Languages(word);
            _previousListed = !languages.IsEmpty;
            foreach (var language in languages)
            {
                scores[language] += bonus[language];
            }
        }
    }

    /// <summary>Collects a text's gram keys, for the table to look them up together.</summary>
    private struct KeyCollector(ulong[] keys) : LanguageFeatures.IGramKeyVisitor
    {
        public int Count;

        public void Visit(ulong key) => keys[Count++] = key;
    }

    private static (string? Script, int Letters, int Kana, int Han) DominantScript(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[Tally.Length];
        var letters = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                // ASCII: most of the text, so no lookup (Tally[0] is Latin).
                if (char.IsAsciiLetter(c))
                {
                    counts[0]++;
                    letters++;
                }

                continue;
            }

            if (Scripts.Of(c) is { } script)
            {
                // A Han, kana or Hangul character stands for a syllable or a word, a Latin letter for a sound.
                counts[Array.IndexOf(Tally, script)] += script is Scripts.Han or Scripts.Kana or Scripts.Hangul ? 3 : 1;
                letters++;
            }
        }

        if (letters == 0)
        {
            return (null, 0, 0, 0);
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        var kana = counts[Array.IndexOf(Tally, Scripts.Kana)];
        var han = counts[Array.IndexOf(Tally, Scripts.Han)];
        var dominant = Tally[best];
        // Japanese text is kana and kanji together: count them as one script against Latin words inside.
        if ((dominant is Scripts.Han or Scripts.Kana || kana + han > counts[best]) && kana + han > 0)
        {
            dominant = kana > 0 ? Scripts.Kana : Scripts.Han;
        }

        return (dominant, letters, kana, han);
    }

    private static readonly string[] Tally =
    [
        Scripts.Latin, Scripts.Cyrillic, "Grek", "Armn", "Hebr", Scripts.Arabic, "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml",
        "Telu", "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Tibt", "Mymr", "Geor", Scripts.Hangul, "Ethi", "Khmr", "Mong",
        Scripts.Kana, Scripts.Han,
    ];
}
