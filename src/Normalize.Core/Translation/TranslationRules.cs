using Normalize.Core.Rules;

namespace Normalize.Core.Translation;

/// <summary>The translate stage's data (translate.yaml): how Apertium names languages, and macrolanguages.</summary>
public sealed class TranslationRules
{
    public const string FileName = "translate.yaml";

    /// <summary>Apertium's language code → the record's (ISO 639-1, "hbs").</summary>
    public Dictionary<string, string> ApertiumCodes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A macrolanguage → the record languages it covers ("hbs" → hr, sr, bs).</summary>
    public Dictionary<string, List<string>> Macrolanguages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A language → related languages whose Apertium pair may know the words its own pair does not.</summary>
    public Dictionary<string, List<string>> ApertiumFallbacks { get; set; } = new(StringComparer.Ordinal);

    public static TranslationRules Load(RuleFiles files)
    {
        var merged = new TranslationRules();
        foreach (var file in files.Load<TranslationRules>(FileName))
        {
            foreach (var (code, language) in file.ApertiumCodes)
            {
                merged.ApertiumCodes[code] = language;
            }

            foreach (var (language, related) in file.ApertiumFallbacks)
            {
                merged.ApertiumFallbacks[language] = [.. merged.ApertiumFallbacks.GetValueOrDefault(language, []).Union(related)];
            }

            foreach (var (macro, members) in file.Macrolanguages)
            {
                merged.Macrolanguages[macro] = [.. merged.Macrolanguages.GetValueOrDefault(macro, []).Union(members)];
            }
        }

        return merged;
    }

    /// <summary>The record language's form translators are keyed by: "hr" → "hbs", "es-MX" → "es".</summary>
    public string Canonical(string language)
    {
        var primary = language.Split('-', '_')[0].ToLowerInvariant();
        foreach (var (macro, members) in Macrolanguages)
        {
            if (members.Contains(primary, StringComparer.Ordinal))
            {
                return macro;
            }
        }

        return primary;
    }
}
