namespace Normalize.Core.Language;

/// <summary>
/// The writing system of a letter (ISO 15924 codes), from the Unicode blocks: enough to tell the
/// scripts apart that decide a language on their own (Hangul, kana, Greek...) from those shared by
/// many languages (Latin, Cyrillic, Arabic), which the n-gram profiles decide between.
/// </summary>
public static class Scripts
{
    public const string Latin = "Latn";
    public const string Cyrillic = "Cyrl";
    public const string Arabic = "Arab";
    public const string Han = "Hani";
    public const string Kana = "Kana";
    public const string Hangul = "Hang";

    /// <summary>The script of <paramref name="c"/>, or null for a character that is not a letter of a known script.</summary>
    public static string? Of(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetter(c) ? Latin : null;
        }

        return c switch
        {
            >= '\u00C0' and <= '\u024F' when c != '\u00D7' && c != '\u00F7' => Latin,
            >= '\u1E00' and <= '\u1EFF' => Latin,
            >= '\u0370' and <= '\u03FF' => "Grek",
            >= '\u1F00' and <= '\u1FFF' => "Grek",
            >= '\u0400' and <= '\u052F' => Cyrillic,
            >= '\u0530' and <= '\u058F' => "Armn",
            >= '\u0590' and <= '\u05FF' => "Hebr",
            >= '\u0600' and <= '\u06FF' => Arabic,
            >= '\u0750' and <= '\u077F' => Arabic,
            >= '\uFB50' and <= '\uFDFF' => Arabic,
            >= '\uFE70' and <= '\uFEFF' => Arabic,
            >= '\u0900' and <= '\u097F' => "Deva",
            >= '\u0980' and <= '\u09FF' => "Beng",
            >= '\u0A00' and <= '\u0A7F' => "Guru",
            >= '\u0A80' and <= '\u0AFF' => "Gujr",
            >= '\u0B00' and <= '\u0B7F' => "Orya",
            >= '\u0B80' and <= '\u0BFF' => "Taml",
            >= '\u0C00' and <= '\u0C7F' => "Telu",
            >= '\u0C80' and <= '\u0CFF' => "Knda",
            >= '\u0D00' and <= '\u0D7F' => "Mlym",
            >= '\u0D80' and <= '\u0DFF' => "Sinh",
            >= '\u0E00' and <= '\u0E7F' => "Thai",
            >= '\u0E80' and <= '\u0EFF' => "Laoo",
            >= '\u0F00' and <= '\u0FFF' => "Tibt",
            >= '\u1000' and <= '\u109F' => "Mymr",
            >= '\u10A0' and <= '\u10FF' => "Geor",
            >= '\u1100' and <= '\u11FF' => Hangul,
            >= '\u1200' and <= '\u137F' => "Ethi",
            >= '\u1780' and <= '\u17FF' => "Khmr",
            >= '\u1800' and <= '\u18AF' => "Mong",
            >= '\u3040' and <= '\u309F' => Kana,
            >= '\u30A0' and <= '\u30FF' => Kana,
            >= '\u31F0' and <= '\u31FF' => Kana,
            >= '\uFF66' and <= '\uFF9F' => Kana,
            >= '\u3130' and <= '\u318F' => Hangul,
            >= '\uAC00' and <= '\uD7AF' => Hangul,
            >= '\u3400' and <= '\u4DBF' => Han,
            >= '\u4E00' and <= '\u9FFF' => Han,
            >= '\uF900' and <= '\uFAFF' => Han,
            _ => null,
        };
    }

    /// <summary>
    /// The language a script decides by itself (ISO 639-1), or null when several languages share it.
    /// Han alone is Chinese; Han with kana is Japanese (decided by the caller, which counts both).
    /// </summary>
    public static string? SoleLanguage(string script) => script switch
    {
        "Grek" => "el",
        Hangul => "ko",
        Kana => "ja",
        Han => "zh",
        "Hebr" => "he",
        "Thai" => "th",
        "Geor" => "ka",
        "Armn" => "hy",
        _ => null,
    };
}
