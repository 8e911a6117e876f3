using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Normalize.Core.Search;
using Normalize.Tests.Support;

namespace Normalize.Tests.Search;

public class StemMemoTests
{
    /// <summary>Remembered stems change nothing: English text analyses to the terms plain KStem gives, the second time too.</summary>
    [SharedDataFact("bench/translation/ntrex-dev.eng.txt")]
    public void MemoisedEnglishAnalysisGivesTheTermsOfPlainKStem()
    {
        var text = File.ReadAllText(SharedData.Path("bench/translation/ntrex-dev.eng.txt")!);
        using var plain = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(LanguageAnalysis.Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(LanguageAnalysis.Version, tokenizer);
            stream = new LowerCaseFilter(LanguageAnalysis.Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(LanguageAnalysis.Version, stream, EnglishAnalyzer.DefaultStopSet);
            return new TokenStreamComponents(tokenizer, new KStemFilter(stream));
        });
        using var index = LanguageAnalysis.CreateIndexAnalyzer();
        var expected = Terms(plain, text);
        Assert.True(expected.Count > 5_000);
        Assert.Equal(expected, Terms(index, text));
        Assert.Equal(expected, Terms(index, text));
    }

    private static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text_en", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
