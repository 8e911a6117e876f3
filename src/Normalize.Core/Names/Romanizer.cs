using System.Text;

namespace Normalize.Core.Names;

/// <summary>
/// Latin spellings of a Cyrillic name as the press of each language writes them: Ukraine's national
/// system (2010) for Ukrainian, BGN/PCGN for Russian (without the soft-sign marks news drops), and
/// the German and Dutch press transliterations of both. Харків gives Kharkiv, Charkiw, Charkiv.
/// </summary>
public static class Romanizer
{
    private const string Vowels = "аеєиіїоуюяыэё";

    public static bool IsCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>Ukrainian by its letters (і ї є ґ), else Russian unless the language says otherwise.</summary>
    public static bool LooksUkrainian(string text, string? lang) =>
        lang == "uk" || (lang != "ru" && text.Any(c => "іїєґІЇЄҐ".Contains(c)));

    /// <summary>All distinct romanisations of <paramref name="cyrillic"/> (none when it is not Cyrillic).</summary>
    public static IReadOnlyList<string> Variants(string cyrillic, string? lang)
    {
        if (!IsCyrillic(cyrillic))
        {
            return [];
        }

        var ukrainian = LooksUkrainian(cyrillic, lang);
        var forms = ukrainian
            ? new[] { Transliterate(cyrillic, UkrainianNational), Transliterate(cyrillic, UkrainianGerman), Transliterate(cyrillic, UkrainianDutch) }
            : new[] { Transliterate(cyrillic, RussianBgn), Transliterate(cyrillic, RussianGerman), Transliterate(cyrillic, RussianDutch) };
        return forms.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>One letter's Latin form: at a word start, and elsewhere.</summary>
    private delegate string Rule(char letter, bool wordStart, char previous);

    private static string Transliterate(string text, Rule rule)
    {
        var builder = new StringBuilder(text.Length + 8);
        var previous = ' ';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            var wordStart = i == 0 || !char.IsLetter(text[i - 1]);
            string latin;
            if (lower is >= '\u0400' and <= '\u04FF')
            {
                latin = rule(lower, wordStart, previous);
                if (char.IsUpper(c) && latin.Length > 0)
                {
                    var allCaps = (i + 1 < text.Length && char.IsUpper(text[i + 1])) || (i > 0 && char.IsUpper(text[i - 1]) && !wordStart);
                    latin = allCaps ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..];
                }
            }
            else
            {
                latin = c is '\'' or '’' or 'ʼ' ? "" : c.ToString();
            }

            builder.Append(latin);
            previous = lower;
        }

        return builder.ToString();
    }

    private static string UkrainianNational(char c, bool start, char previous) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => previous == 'з' ? "gh" : "h", 'ґ' => "g", 'д' => "d", 'е' => "e",
        'є' => start ? "ye" : "ie", 'ж' => "zh", 'з' => "z", 'и' => "y", 'і' => "i", 'ї' => start ? "yi" : "i",
        'й' => start ? "y" : "i", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r",
        'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh",
        'щ' => "shch", 'ь' => "", 'ю' => start ? "yu" : "iu", 'я' => start ? "ya" : "ia", _ => "",
    };

    private static string UkrainianGerman(char c, bool start, char previous) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "w", 'г' => "h", 'ґ' => "g", 'д' => "d", 'е' => "e", 'є' => "je",
        'ж' => "sch", 'з' => "s", 'и' => "y", 'і' => "i", 'ї' => "ji", 'й' => "j", 'к' => "k", 'л' => "l",
        'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f",
        'х' => "ch", 'ц' => "z", 'ч' => "tsch", 'ш' => "sch", 'щ' => "schtsch", 'ь' => "", 'ю' => "ju", 'я' => "ja", _ => "",
    };

    private static string UkrainianDutch(char c, bool start, char previous) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "h", 'ґ' => "g", 'д' => "d", 'е' => "e", 'є' => "je",
        'ж' => "zj", 'з' => "z", 'и' => "y", 'і' => "i", 'ї' => "ji", 'й' => "j", 'к' => "k", 'л' => "l",
        'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "oe", 'ф' => "f",
        'х' => "ch", 'ц' => "ts", 'ч' => "tsj", 'ш' => "sj", 'щ' => "sjtsj", 'ь' => "", 'ю' => "joe", 'я' => "ja", _ => "",
    };

    private static string RussianBgn(char c, bool start, char previous) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d",
        'е' => start || Vowels.Contains(previous) || previous is 'ь' or 'ъ' ? "ye" : "e",
        'ё' => start || Vowels.Contains(previous) || previous is 'ь' or 'ъ' ? "yo" : "yo", 'ж' => "zh", 'з' => "z",
        'и' => "i", 'й' => "y", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r",
        'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh",
        'щ' => "shch", 'ъ' => "", 'ы' => "y", 'ь' => "", 'э' => "e", 'ю' => "yu", 'я' => "ya", _ => "",
    };

    private static string RussianGerman(char c, bool start, char previous) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "w", 'г' => "g", 'д' => "d",
        'е' => start || Vowels.Contains(previous) || previous is 'ь' or 'ъ' ? "je" : "e", 'ё' => "jo", 'ж' => "sch",
        'з' => "s", 'и' => "i", 'й' => "i", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p",
        'р' => "r", 'с' => Vowels.Contains(previous) ? "ss" : "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "ch",
        'ц' => "z", 'ч' => "tsch", 'ш' => "sch", 'щ' => "schtsch", 'ъ' => "", 'ы' => "y", 'ь' => "", 'э' => "e",
        'ю' => "ju", 'я' => "ja", _ => "",
    };

    private static string RussianDutch(char c, bool start, char previous) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d",
        'е' => start || Vowels.Contains(previous) || previous is 'ь' or 'ъ' ? "je" : "e", 'ё' => "jo", 'ж' => "zj",
        'з' => "z", 'и' => "i", 'й' => "j", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p",
        'р' => "r", 'с' => "s", 'т' => "t", 'у' => "oe", 'ф' => "f", 'х' => "ch", 'ц' => "ts", 'ч' => "tsj",
        'ш' => "sj", 'щ' => "sjtsj", 'ъ' => "", 'ы' => "y", 'ь' => "", 'э' => "e", 'ю' => "joe", 'я' => "ja", _ => "",
    };
}
