using System.Globalization;
using Normalize.Core.Rules;

namespace Normalize.Core.Language;

/// <summary>
/// The n-gram and function-word profiles of the languages the identifier tells apart inside a script,
/// read from the generated data file Rules/langid/profiles.tsv (see <c>bench -- train-langid</c>).
/// Lines: <c>version N</c>; <c>language CODE SCRIPT FLOOR1..FLOOR4</c>; <c>words CODE w1 w2 ...</c>;
/// <c>gram GRAM CODE:VALUE ...</c>. Values are probabilities of the gram among the grams of its order,
/// times 10^8; a gram a language lacks gets that language's floor for the order.
/// </summary>
public sealed class LanguageProfiles
{
    public const string FileName = "langid/profiles.tsv";
    public const double Scale = 1e8;

    private LanguageProfiles(string[] codes, string[] scripts, float[][] floors, GramTable grams, Dictionary<string, int[]> words, int[] wordCounts, int version)
    {
        Codes = codes;
        Floors = floors;
        LanguageScripts = scripts;
        Grams = grams;
        FunctionWords = words;
        FunctionWordCounts = wordCounts;
        Version = version;
    }

    public int Version { get; }

    /// <summary>Language codes, in the order of every per-language array here.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The script of each language's profile.</summary>
    public IReadOnlyList<string> LanguageScripts { get; }

    /// <summary>Per language, the natural log of the probability of a gram it did not keep, by order (index 0 = order 1).</summary>
    internal float[][] Floors { get; }

    /// <summary>Gram → the languages that kept it and how much more than their floor it is worth (log ratio).</summary>
    internal GramTable Grams { get; }

    /// <summary>Function word → the languages (indexes) that list it.</summary>
    internal Dictionary<string, int[]> FunctionWords { get; }

    internal int[] FunctionWordCounts { get; }

    private static readonly Lazy<LanguageProfiles> EmbeddedInstance = new(() =>
        Parse(RuleFiles.ReadEmbedded(FileName) ?? throw new RuleFileException($"embedded data file '{FileName}' is missing from the build"), "embedded " + FileName));

    /// <summary>The profiles shipped in the assembly (parsed on first use).</summary>
    public static LanguageProfiles Embedded => EmbeddedInstance.Value;

    public static LanguageProfiles Parse(string content, string origin)
    {
        var codes = new List<string>();
        var scripts = new List<string>();
        var floors = new List<float[]>();
        var rawGrams = new List<(string Gram, string Values, int Line)>();
        var rawWords = new List<(string Code, string[] Words)>();
        var version = 0;
        var lineNumber = 0;
        foreach (var line in content.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "version" when fields.Length == 2 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var v):
                    version = v;
                    break;
                case "language" when fields.Length == 3 + LanguageFeatures.MaxOrder:
                    codes.Add(fields[1]);
                    scripts.Add(fields[2]);
                    floors.Add(fields[3..].Select(f => (float)Math.Log(ParseValue(f, origin, lineNumber) / Scale)).ToArray());
                    break;
                case "words" when fields.Length == 3:
                    rawWords.Add((fields[1], fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                    break;
                case "gram" when fields.Length == 3:
                    rawGrams.Add((fields[1].Replace('_', LanguageFeatures.Boundary), fields[2], lineNumber));
                    break;
                default:
                    throw new RuleFileException($"{origin}: line {lineNumber}: not a profile line");
            }
        }

        var index = codes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var rows = new List<(ulong Key, int Order, GramTable.Entry[] Row)>(rawGrams.Count);
        var seen = new HashSet<ulong>();
        foreach (var (gram, values, line) in rawGrams)
        {
            if (gram.Length is 0 or > LanguageFeatures.MaxOrder || !seen.Add(Key(gram)))
            {
                throw new RuleFileException($"{origin}: line {line}: gram '{gram}' is empty, longer than {LanguageFeatures.MaxOrder} characters or listed twice");
            }

            var order = gram.Length - 1;
            var row = new List<GramTable.Entry>();
            foreach (var pair in values.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = pair.LastIndexOf(':');
                if (colon <= 0 || !index.TryGetValue(pair[..colon], out var language))
                {
                    throw new RuleFileException($"{origin}: line {line}: '{pair}' is not LANGUAGE:VALUE of a declared language");
                }

                row.Add(new GramTable.Entry(language, (float)Math.Log(ParseValue(pair[(colon + 1)..], origin, line) / Scale) - floors[language][order]));
            }

            rows.Add((Key(gram), order, row.ToArray()));
        }

        var grams = new GramTable(rows);

        var words = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var counts = new int[codes.Count];
        foreach (var (code, list) in rawWords)
        {
            if (!index.TryGetValue(code, out var language))
            {
                throw new RuleFileException($"{origin}: function words of undeclared language '{code}'");
            }

            foreach (var word in list.Distinct(StringComparer.Ordinal))
            {
                counts[language]++;
                if (!words.TryGetValue(word, out var languages))
                {
                    words[word] = languages = [];
                }

                languages.Add(language);
            }
        }

        return new LanguageProfiles(codes.ToArray(), scripts.ToArray(), floors.ToArray(), grams,
            words.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), counts, version);
    }

    /// <summary>A gram of up to four UTF-16 units packed in 64 bits (no gram holds U+0000, so lengths never collide).</summary>
    internal static ulong Key(ReadOnlySpan<char> gram)
    {
        ulong key = 0;
        for (var i = 0; i < gram.Length; i++)
        {
            key |= (ulong)gram[i] << (16 * i);
        }

        return key;
    }

    private static double ParseValue(string text, string origin, int line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new RuleFileException($"{origin}: line {line}: '{text}' is not a positive number");
}
