using System.Globalization;

namespace Normalize.Core.Learning;

/// <summary>
/// Language-independent features of one line of text: length, punctuation, capitalisation, digits, word
/// lengths. Shared by the HTML block scorer and the text-dump line scorer, so the two read text alike.
/// </summary>
public static class LineShape
{
    public static readonly string[] Names =
    [
        "log_chars", "log_words", "punct_ratio", "ends_sentence", "commas_per_word", "upper_ratio", "starts_upper",
        "digit_ratio", "short_word_ratio", "mean_word_length", "capitalised_word_ratio", "has_copyright", "has_separator",
        "ends_colon", "starts_symbol", "sentence_marks_per_word", "has_at_or_url", "ends_ellipsis",
    ];

    public static int Count => Names.Length;

    public static void Fill(string text, Span<float> into)
    {
        int chars = 0, letters = 0, upper = 0, digits = 0, punct = 0, commas = 0, sentenceMarks = 0;
        int words = 0, shortWords = 0, capitalised = 0, wordLetters = 0, currentWord = 0;
        bool wordStartsUpper = false, separator = false, copyright = false, atOrUrl = false;
        foreach (var c in text)
        {
            chars++;
            if (char.IsLetter(c))
            {
                letters++;
                if (currentWord == 0)
                {
                    wordStartsUpper = char.IsUpper(c);
                }

                currentWord++;
                upper += char.IsUpper(c) ? 1 : 0;
                continue;
            }

            if (char.IsDigit(c))
            {
                digits++;
                currentWord++;
                continue;
            }

            EndWord();
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            punct++;
            switch (c)
            {
                case ',' or '،' or '，' or '、':
                    commas++;
                    break;
                case '.' or '!' or '?' or '。' or '！' or '？':
                    sentenceMarks++;
                    break;
                case '|' or '»' or '›' or '·' or '•' or '/' or '>':
                    separator = true;
                    break;
                case '©':
                    copyright = true;
                    break;
                case '@':
                    atOrUrl = true;
                    break;
            }
        }

        EndWord();
        var trimmed = text.AsSpan().Trim();
        var last = trimmed.Length == 0 ? ' ' : trimmed[^1];
        var lastCore = trimmed.TrimEnd("\"'”’»)]").Length is var l and > 0 ? trimmed[l - 1] : ' ';
        var first = trimmed.Length == 0 ? ' ' : trimmed[0];
        atOrUrl |= text.Contains("http", StringComparison.Ordinal) || text.Contains("www.", StringComparison.Ordinal);
        into[0] = MathF.Log(1 + chars);
        into[1] = MathF.Log(1 + words);
        into[2] = chars == 0 ? 0 : punct / (float)chars;
        into[3] = lastCore is '.' or '!' or '?' or '。' or '！' or '？' ? 1 : 0;
        into[4] = words == 0 ? 0 : commas / (float)words;
        into[5] = letters == 0 ? 0 : upper / (float)letters;
        into[6] = char.IsUpper(first) ? 1 : 0;
        into[7] = chars == 0 ? 0 : digits / (float)chars;
        into[8] = words == 0 ? 0 : shortWords / (float)words;
        into[9] = words == 0 ? 0 : wordLetters / (float)words;
        into[10] = words == 0 ? 0 : capitalised / (float)words;
        into[11] = copyright ? 1 : 0;
        into[12] = separator ? 1 : 0;
        into[13] = last == ':' ? 1 : 0;
        into[14] = !char.IsLetterOrDigit(first) && CharUnicodeInfo.GetUnicodeCategory(first) is not (UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.OpenPunctuation) && first != '"' ? 1 : 0;
        into[15] = words == 0 ? 0 : sentenceMarks / (float)words;
        into[16] = atOrUrl ? 1 : 0;
        into[17] = last == '…' || trimmed.EndsWith("...") ? 1 : 0;

        void EndWord()
        {
            if (currentWord == 0)
            {
                return;
            }

            words++;
            wordLetters += currentWord;
            shortWords += currentWord <= 3 ? 1 : 0;
            capitalised += wordStartsUpper ? 1 : 0;
            currentWord = 0;
            wordStartsUpper = false;
        }
    }
}
