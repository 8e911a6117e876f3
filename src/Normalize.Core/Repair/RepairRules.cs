using Normalize.Core.Rules;

namespace Normalize.Core.Repair;

/// <summary>
/// The repair stage's data: common English facts (repair/en.yaml) and one pack per source language
/// (repair/nl.yaml, de.yaml …). A user's files of the same name under <c>--rules DIR</c> extend them.
/// </summary>
public sealed class RepairRules
{
    public const string EnglishFile = "repair/en.yaml";

    private RepairRules(EnglishFacts english, IReadOnlyDictionary<string, LanguagePack> packs)
    {
        English = english;
        Packs = packs;
    }

    public EnglishFacts English { get; }

    /// <summary>Packs by BCP-47 language code.</summary>
    public IReadOnlyDictionary<string, LanguagePack> Packs { get; }

    public static RepairRules Load(RuleFiles files)
    {
        var english = Merge(files.Load<EnglishFacts>(EnglishFile));
        var packs = new SortedDictionary<string, LanguagePack>(StringComparer.Ordinal);
        foreach (var name in RuleFiles.EmbeddedNames("repair/"))
        {
            if (name == EnglishFile || !name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                continue;
            }

            var pack = Merge(files.Load<LanguagePack>(name));
            if (string.IsNullOrEmpty(pack.Language))
            {
                throw new RuleFileException($"{name}: 'language' is required");
            }

            packs[pack.Language] = pack;
        }

        // A text translated from a macrolanguage ("hbs", as language identification names Croatian, Serbian
        // and Bosnian) gets its member's pack when exactly one member has one.
        foreach (var (macro, members) in Translation.TranslationRules.Load(files).Macrolanguages)
        {
            var withPack = members.Where(packs.ContainsKey).ToList();
            if (!packs.ContainsKey(macro) && withPack.Count == 1)
            {
                packs[macro] = packs[withPack[0]];
            }
        }

        return new RepairRules(english, packs);
    }

    private static EnglishFacts Merge(IReadOnlyList<EnglishFacts> files)
    {
        var merged = new EnglishFacts();
        foreach (var f in files)
        {
            merged.TruncationSuffixes.AddRange(f.TruncationSuffixes);
            merged.InflectionSuffixes.AddRange(f.InflectionSuffixes);
            merged.ClauseOpeners.AddRange(f.ClauseOpeners);
            merged.StrayWords.AddRange(f.StrayWords);
            merged.CreditFixes.AddRange(f.CreditFixes);
            merged.TimeOpeners.AddRange(f.TimeOpeners);
            merged.MovedVerbs.AddRange(f.MovedVerbs);
            merged.QuoteVerbs.AddRange(f.QuoteVerbs);
            merged.Determiners.AddRange(f.Determiners);
        }

        return merged;
    }

    private static LanguagePack Merge(IReadOnlyList<LanguagePack> files)
    {
        var merged = new LanguagePack { Language = files[0].Language };
        foreach (var f in files)
        {
            foreach (var (from, to) in f.Words)
            {
                merged.Words[from] = to;
            }

            foreach (var (from, to) in f.AfterNumber)
            {
                merged.AfterNumber[from] = to;
            }

            merged.DropWhenMarked.AddRange(f.DropWhenMarked);
        }

        return merged;
    }
}

/// <summary>Facts of English that the repair filters use (repair/en.yaml).</summary>
public sealed class EnglishFacts
{
    /// <summary>Endings a translator cut off a word ("ballist" + "ic").</summary>
    public List<string> TruncationSuffixes { get; set; } = [];

    /// <summary>Endings of inflected forms a split word may need ("monit order" → monitor + "ed").</summary>
    public List<string> InflectionSuffixes { get; set; } = [];

    /// <summary>Participles that open a clause and that a translator capitalises mid-sentence ("Time Citing the").</summary>
    public List<string> ClauseOpeners { get; set; } = [];

    public List<StrayWord> StrayWords { get; set; } = [];

    public List<CreditFix> CreditFixes { get; set; } = [];

    /// <summary>Time adverbials that, put first, make a German/Dutch-style verb-second clause ("Last month gave …").</summary>
    public List<string> TimeOpeners { get; set; } = [];

    /// <summary>Finite verbs that in English never follow such an opener directly with a name as subject.</summary>
    public List<string> MovedVerbs { get; set; } = [];

    /// <summary>Verbs of quoting that in English take "as saying"/"that", never a name and then an object ("quotes UPI the …").</summary>
    public List<string> QuoteVerbs { get; set; } = [];

    public List<string> Determiners { get; set; } = [];
}

/// <summary>A function word a translator leaves between an adjective and its noun ("large it quantities").</summary>
public sealed class StrayWord
{
    public string Word { get; set; } = "";

    /// <summary>Adjectives it was found after.</summary>
    public List<string> After { get; set; } = [];

    /// <summary>Words before the adjective that make the sequence correct English ("so large it could").</summary>
    public List<string> NotAfter { get; set; } = [];
}

public sealed class CreditFix
{
    public string From { get; set; } = "";
    public string To { get; set; } = "";
}

/// <summary>One source language's leftovers (repair/&lt;lang&gt;.yaml).</summary>
public sealed class LanguagePack
{
    public string Language { get; set; } = "";

    /// <summary>Leftover word or phrase (case-sensitive) → English.</summary>
    public Dictionary<string, string> Words { get; set; } = [];

    /// <summary>Leftovers translated only after a number ("4,8 million obus" → shells).</summary>
    public Dictionary<string, string> AfterNumber { get; set; } = [];

    /// <summary>Words with no English equivalent (a reflexive particle) dropped when the MT marked them untranslated.</summary>
    public List<string> DropWhenMarked { get; set; } = [];
}
