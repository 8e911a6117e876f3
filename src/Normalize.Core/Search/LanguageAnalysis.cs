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

    /// <summary>One analyzer for the whole index: per-language fields get their language's analyzer.</summary>
    public static Analyzer CreateIndexAnalyzer()
    {
        var byKey = new Dictionary<string, Analyzer>
        {
            ["en"] = English(),
            ["de"] = new GermanAnalyzer(Version),
            ["nl"] = new DutchAnalyzer(Version),
            ["fr"] = new FrenchAnalyzer(Version),
            ["es"] = new SpanishAnalyzer(Version),
            ["it"] = new ItalianAnalyzer(Version),
            ["pt"] = new PortugueseAnalyzer(Version),
            ["ru"] = new RussianAnalyzer(Version),
            ["cjk"] = new CJKAnalyzer(Version),
            [Other] = Folding(),
        };
        var fields = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var kind in TextFieldKinds)
        {
            foreach (var (key, analyzer) in byKey)
            {
                fields[Field(kind, key)] = analyzer;
            }
        }

        return new PerFieldAnalyzerWrapper(Folding(), fields);
    }

    /// <summary>
    /// English: possessives dropped, ASCII folding (Zürich = Zurich), stop words, and KStem, which
    /// joins missile/missiles but (unlike Porter) keeps new and news apart.
    /// </summary>
    private static Analyzer English() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
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
