using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Normalize.Core.Search;

/// <summary>
/// Which Lucene analyzer reads which field. Analyzed text lives in one field per language
/// ("text_de", "title_en"), so each language keeps its own stemmer and stop words, and a query is
/// analyzed once for every language field it targets.
/// </summary>
public static class LanguageAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The analysed fields of an article, each split by language ("title" → "title_en").</summary>
    public static readonly IReadOnlyList<string> TextFieldKinds = ["title", "text", "original"];

    /// <summary>Language keys with an analyzer of their own; anything else reads as <see cref="Other"/>.</summary>
    public static readonly IReadOnlyList<string> Keys = ["en", "de", "nl", "fr", "es", "it", "pt", "ru", "cjk", Other];

    public const string Other = "xx";

    /// <summary>The analyzer key of a BCP-47 tag: "en-GB" → "en", "ja" → "cjk", "hr" → "xx".</summary>
    public static string KeyOf(string? language)
    {
        var primary = (language ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary switch
        {
            "zh" or "ja" or "ko" => "cjk",
            _ when Keys.Contains(primary) => primary,
            _ => Other,
        };
    }

    /// <summary>The field of <paramref name="kind"/> ("title", "text", "original") in language key <paramref name="key"/>.</summary>
    public static string Field(string kind, string key) => kind + "_" + key;

    /// <summary>The language key of a per-language field, or null for any other field.</summary>
    public static string? KeyOfField(string field)
    {
        var underscore = field.LastIndexOf('_');
        return underscore > 0 && TextFieldKinds.Contains(field[..underscore]) && Keys.Contains(field[(underscore + 1)..]) ? field[(underscore + 1)..] : null;
    }

    /// <summary>
    /// One analyzer for the whole index: per-language fields get their language's analyzer, made on
    /// first use (a search touches one or two languages; loading all ten would slow every start-up).
    /// </summary>
    public static Analyzer CreateIndexAnalyzer() => new PerLanguageAnalyzer();

    private static Analyzer Create(string key) => key switch
    {
        "en" => English(),
        "de" => new GermanAnalyzer(Version),
        "nl" => new DutchAnalyzer(Version),
        "fr" => new FrenchAnalyzer(Version),
        "es" => new SpanishAnalyzer(Version),
        "it" => new ItalianAnalyzer(Version),
        "pt" => new PortugueseAnalyzer(Version),
        "ru" => new RussianAnalyzer(Version),
        "cjk" => new CJKAnalyzer(Version),
        _ => Folding(),
    };

    private sealed class PerLanguageAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        private readonly Lazy<Analyzer>[] _analyzers = Keys.Select(key => new Lazy<Analyzer>(() => Create(key))).ToArray();

        protected override Analyzer GetWrappedAnalyzer(string fieldName)
        {
            var key = KeyOfField(fieldName) ?? Other;
            return _analyzers[IndexOfKey(key)].Value;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var analyzer in _analyzers.Where(a => a.IsValueCreated))
                {
                    analyzer.Value.Dispose();
                }
            }

            base.Dispose(disposing);
        }

        private static int IndexOfKey(string key)
        {
            for (var i = 0; i < Keys.Count; i++)
            {
                if (Keys[i] == key)
                {
                    return i;
                }
            }

            return Keys.Count - 1;
        }
    }

    /// <summary>
    /// English: possessives dropped, ASCII folding (Zürich = Zurich), stop words, and KStem, which
    /// joins missile/missiles but (unlike Porter) keeps new and news apart. KStem's dictionary lookups
    /// are most of the cost of indexing English, and news repeats its words: its results are memoised.
    /// </summary>
    private static Analyzer English() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, StemMemo.Around(stream, input => new KStemFilter(input)));
    });

    /// <summary>Languages without an analyzer of their own, authors and the like: words, lower case, folded.</summary>
    private static Analyzer Folding() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });
}
