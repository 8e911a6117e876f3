using System.Globalization;
using System.Text;
using Normalize.Core.Language;
using Normalize.Core.Rules;

namespace Normalize.Bench;

/// <summary>
/// `train-langid [--out FILE]`: builds src/Normalize.Core/Rules/langid/profiles.tsv, deterministically, from
/// facts we may ship: the word forms of Debian's Hunspell dictionaries (a sample of stems with their affixed
/// forms) and our own function-word lists (Rules/langid/function-words.yaml). Function words get the share of
/// running text they have in prose (<see cref="FunctionWordShare"/>), so the n-gram profile of a word list
/// looks like the profile of text. Needs the hunspell-* packages of .ci/apt-packages.txt; runtime does not.
/// </summary>
public static class LangIdTrainer
{
    /// <summary>Version of the profile file; bump when the features or the sources change.</summary>
    public const int Version = 3;

    /// <summary>Share of function words among the tokens of prose.</summary>
    private const double FunctionWordShare = 0.4;

    private const int MaxStemsPerDictionary = 40000;
    private const int MaxFormsPerStem = 12;

    /// <summary>How many grams of each order (1..4) a language keeps.</summary>
    private static readonly int[] Kept = [400, 1500, 3000, 3000];

    /// <summary>Profile language → script and the Hunspell dictionaries that spell it (none: function words only).</summary>
    public static readonly IReadOnlyList<(string Code, string Script, string[] Dictionaries)> Languages =
    [
        ("en", "Latn", ["en_US", "en_GB"]), ("de", "Latn", ["de_DE"]), ("nl", "Latn", ["nl"]), ("fr", "Latn", ["fr"]),
        ("es", "Latn", ["es_ES"]), ("it", "Latn", ["it_IT"]), ("pt", "Latn", ["pt_PT", "pt_BR"]), ("pl", "Latn", ["pl_PL"]),
        ("ca", "Latn", ["ca"]), ("gl", "Latn", ["gl_ES"]), ("hbs", "Latn", ["hr_HR", "sr_Latn_RS", "bs_BA"]), ("tr", "Latn", ["tr_TR"]),
        ("cs", "Latn", ["cs_CZ"]), ("sk", "Latn", ["sk_SK"]), ("sl", "Latn", ["sl_SI"]), ("da", "Latn", ["da_DK"]),
        ("sv", "Latn", ["sv_SE"]), ("no", "Latn", ["nb_NO"]), ("ro", "Latn", ["ro_RO"]), ("hu", "Latn", ["hu_HU"]),
        ("fi", "Latn", []), ("et", "Latn", ["et_EE"]), ("lt", "Latn", ["lt_LT"]), ("lv", "Latn", ["lv_LV"]), ("id", "Latn", ["id_ID"]),
        ("ru", "Cyrl", ["ru_RU"]), ("uk", "Cyrl", ["uk_UA"]), ("bg", "Cyrl", ["bg_BG"]), ("be", "Cyrl", []),
        ("hbs", "Cyrl", ["sr_RS"]),
        ("ar", "Arab", ["ar"]), ("fa", "Arab", []),
    ];

    public static int Run(string[] args)
    {
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(RepoRoot(), "src/Normalize.Core/Rules/langid/profiles.tsv");
        var directory = Environment.GetEnvironmentVariable("NORMALIZE_HUNSPELL_DIR") is { Length: > 0 } d ? d : "/usr/share/hunspell";
        var functionWords = ReadFunctionWords();
        var missing = Languages.SelectMany(l => l.Dictionaries).Where(n => !File.Exists(Path.Combine(directory, n + ".dic"))).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"error: Hunspell dictionaries missing from {directory}: {string.Join(", ", missing)} (install the hunspell-* packages of .ci/apt-packages.txt)");
            return 1;
        }

        // hbs is one profile language written in two scripts: a profile per (code, script).
        var profiles = new List<(string Code, string Script, Dictionary<string, double>[] Counts, string[] Words)>();
        foreach (var (code, script, dictionaries) in Languages)
        {
            var counts = Enumerable.Range(0, LanguageFeatures.MaxOrder).Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToArray();
            double dictionaryWeight = 0;
            foreach (var name in dictionaries)
            {
                dictionaryWeight += AddDictionary(HunspellWordForms.Open(directory, name), counts, script, CapitalizedNouns.Contains(code));
                Console.Error.WriteLine($"{code}/{script}: {name}");
            }

            var words = functionWords.GetValueOrDefault(code, []).Where(w => InScript(w, script)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            // Function words are FunctionWordShare of the tokens; the dictionary (weight 1 per dictionary) the rest.
            var perWord = words.Length == 0 ? 0 : (dictionaries.Length == 0 ? 1.0 : dictionaryWeight * FunctionWordShare / (1 - FunctionWordShare)) / words.Length;
            foreach (var word in words)
            {
                AddWord(word, perWord, counts);
            }

            profiles.Add((code, script, counts, words));
        }

        File.WriteAllText(output, Write(profiles), new UTF8Encoding(false));
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    /// <summary>Adds a dictionary's forms with a total weight of 1 (each stem 1/stems, shared by its forms).</summary>
    private static double AddDictionary(HunspellWordForms dictionary, Dictionary<string, double>[] counts, string script, bool keepCapitalized)
    {
        // Capitalized entries are mostly names of people and places from every language: they blur the
        // spelling of the language itself.
        var stems = dictionary.Stems(MaxStemsPerDictionary, MaxFormsPerStem)
            .Select(s => s.Forms.Where(f => InScript(f, script) && (keepCapitalized || !char.IsUpper(f[0]))).ToList())
            .Where(f => f.Count > 0)
            .ToList();
        foreach (var forms in stems)
        {
            foreach (var form in forms)
            {
                AddWord(form, 1.0 / stems.Count / forms.Count, counts);
            }
        }

        return stems.Count == 0 ? 0 : 1;
    }

    /// <summary>Languages whose common nouns are capitalized: their dictionaries' capitalized entries are words, not names.</summary>
    private static readonly HashSet<string> CapitalizedNouns = new(StringComparer.Ordinal) { "de" };

    private static bool InScript(string word, string script) =>
        word.Any(char.IsLetter) && word.Where(char.IsLetter).All(c => Scripts.Of(c) == script)
        && !(word.Length > 1 && word.Where(char.IsLetter).All(char.IsUpper)); // acronyms say nothing of spelling

    private static void AddWord(string word, double weight, Dictionary<string, double>[] counts)
    {
        var buffer = new char[word.Length + 2];
        var length = LanguageFeatures.Normalize(word, buffer);
        var visitor = new CountVisitor(counts, weight);
        LanguageFeatures.VisitGrams(buffer.AsSpan(0, length), ref visitor);
    }

    private readonly struct CountVisitor(Dictionary<string, double>[] counts, double weight) : LanguageFeatures.IGramVisitor
    {
        public void Visit(ReadOnlySpan<char> gram)
        {
            var table = counts[gram.Length - 1];
            var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
            lookup[gram] = lookup.TryGetValue(gram, out var value) ? value + weight : weight;
        }
    }

    private static string Write(List<(string Code, string Script, Dictionary<string, double>[] Counts, string[] Words)> profiles)
    {
        // One profile per language: hbs in Latin and Cyrillic merges (the scripts never share a gram).
        var merged = profiles.GroupBy(p => p.Code, StringComparer.Ordinal).ToList();
        var spelled = Languages.Where(l => l.Dictionaries.Length > 0).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var floorsByCode = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var grams = new SortedDictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        var header = new StringBuilder();
        var words = new StringBuilder();
        foreach (var group in merged.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var code = group.Key;
            var floors = new long[LanguageFeatures.MaxOrder];
            for (var order = 0; order < LanguageFeatures.MaxOrder; order++)
            {
                long smallest = long.MaxValue;
                foreach (var part in group)
                {
                    var table = part.Counts[order];
                    var total = table.Values.Sum();
                    if (total <= 0)
                    {
                        continue;
                    }

                    foreach (var (gram, weight) in table.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(Kept[order]))
                    {
                        var value = Math.Max(1, (long)Math.Round(weight / total * LanguageProfiles.Scale));
                        smallest = Math.Min(smallest, value);
                        if (!grams.TryGetValue(gram, out var row))
                        {
                            grams[gram] = row = new SortedDictionary<string, long>(StringComparer.Ordinal);
                        }

                        row[code] = value;
                    }
                }

                floors[order] = smallest == long.MaxValue ? 1 : Math.Max(1, smallest / 2);
            }

            floorsByCode[code] = floors;
        }

        // One floor per order for every language (the median of the dictionary languages' own): a language
        // whose list has few distinct grams (or only function words) must not get a cheaper unseen gram.
        for (var order = 0; order < LanguageFeatures.MaxOrder; order++)
        {
            var known = floorsByCode.Where(p => spelled.Contains(p.Key)).Select(p => p.Value[order]).Order().ToList();
            var median = known[known.Count / 2];
            foreach (var floors in floorsByCode.Values)
            {
                floors[order] = median;
            }
        }

        foreach (var group in merged.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var code = group.Key;
            var floors = floorsByCode[code];

            // A language of two scripts: the candidates of each script come from its script line.
            header.Append("language\t").Append(code).Append('\t').Append(string.Join(',', group.Select(p => p.Script)));
            foreach (var floor in floors)
            {
                header.Append('\t').Append(floor.ToString(CultureInfo.InvariantCulture));
            }

            header.Append('\n');
            words.Append("words\t").Append(code).Append('\t').Append(string.Join(' ', group.SelectMany(p => p.Words).Distinct(StringComparer.Ordinal))).Append('\n');
        }

        var text = new StringBuilder();
        text.Append("# Language identification profiles. Generated by `dotnet run -c Release --project bench/Normalize.Bench -- train-langid`;\n");
        text.Append("# do not edit. Sources: Hunspell dictionaries of Debian (see LangIdTrainer.Languages), Rules/langid/function-words.yaml.\n");
        text.Append("version\t").Append(Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(header).Append(words);
        foreach (var (gram, row) in grams)
        {
            text.Append("gram\t").Append(gram.Replace(LanguageFeatures.Boundary, '_')).Append('\t')
                .Append(string.Join(' ', row.Select(p => p.Key + ":" + p.Value.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        }

        return text.ToString();
    }

    private static Dictionary<string, List<string>> ReadFunctionWords()
    {
        var yaml = RuleFiles.ReadEmbedded("langid/function-words.yaml") ?? throw new InvalidOperationException("function-words.yaml is not embedded");
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in yaml.Split('\n'))
        {
            var trimmed = line.Trim();
            var colon = trimmed.IndexOf(": [", StringComparison.Ordinal);
            if (!line.StartsWith("  ", StringComparison.Ordinal) || colon <= 0 || !trimmed.EndsWith(']'))
            {
                continue;
            }

            result[trimmed[..colon]] = trimmed[(colon + 3)..^1].Split(',').Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        }

        return result;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Normalize.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run train-langid inside the repository (Normalize.sln not found above the current directory)");
    }
}
