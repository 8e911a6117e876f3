using System.Text;
using System.Text.RegularExpressions;
using Normalize.Core.Repair;
using Xunit;

namespace Normalize.Tests.Repair;

public class RepairTextTests
{
    /// <summary>The word pattern the tokeniser reads by hand (letters, marks, digits; inner ' ’ -).</summary>
    private static readonly Regex WordPattern = new(@"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*");

    [Theory]
    [InlineData("Kim Jong-un's troops -- don't 'quote' re-enter")]
    [InlineData("-a- 'b' c’’d e--f g-'h 12,5 km² naïve café Ⅻ ①")]
    [InlineData("end-")]
    [InlineData("")]
    [InlineData("  \n\n ")]
    [InlineData("Москва-Сити и Коре́я 北朝鮮-軍")]
    public void Words_are_what_the_word_pattern_matches(string text) =>
        Assert.Equal(Expected(text), RepairText.Words(text));

    [Fact]
    public void SentenceAtIsTheSentenceHoldingTheOffset()
    {
        const string text = "One two. Three four! Five";
        var sentences = RepairText.Sentences(text);
        foreach (var offset in Enumerable.Range(0, text.Length))
        {
            Assert.Equal(sentences.FirstOrDefault(s => s.Contains(offset)), RepairText.SentenceAt(sentences, offset));
        }

        Assert.Equal(default, RepairText.SentenceAt([], 3));
    }

    [Theory]
    [InlineData(11, 14, true)]
    [InlineData(10, 15, true)]
    [InlineData(0, 5, true)]
    [InlineData(21, 25, true)]
    [InlineData(4, 11, false)]
    [InlineData(15, 20, false)]
    [InlineData(25, 26, false)]
    public void InsideIsWithinOneSpan(int start, int end, bool inside)
    {
        (int, int)[] spans = [(0, 5), (10, 15), (20, 25)];
        Assert.Equal(inside, RepairText.Inside(spans, start, end));
    }

    [Fact]
    public void Words_of_random_text_are_what_the_word_pattern_matches()
    {
        var random = new Random(13);
        const string alphabet = "ab Z9'’-\n.é\u0301Ⅻ①\uD83D\uDE00_,";
        for (var round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 30); i > 0; i--)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            Assert.Equal(Expected(text.ToString()), RepairText.Words(text.ToString()));
            Assert.Equal(Expected(text.ToString()), RepairText.EnumerateWords(text.ToString()).ToList());
        }
    }

    [Theory]
    [InlineData("word", true, false)]
    [InlineData("Word", false, true)]
    [InlineData("WORD", false, false)]
    [InlineData("don't", false, false)]
    [InlineData("W", false, false)]
    [InlineData("naïve", true, false)]
    public void Word_shapes(string value, bool lowercase, bool capitalized)
    {
        var token = new WordToken(0, value.Length, value);
        Assert.Equal(lowercase, token.IsLowercaseWord);
        Assert.Equal(capitalized, token.IsCapitalized);
    }

    private static List<WordToken> Expected(string text) =>
        WordPattern.Matches(text).Select(m => new WordToken(m.Index, m.Index + m.Length, m.Value)).ToList();
}
