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
        // Gram lines are most of the file: kept as ranges of the content and read as spans once the
        // languages are known, so loading allocates no string per gram (it runs at every start of the tool).
        var rawGrams = new List<(int Start, int Length, int Line)>();
        var rawWords = new List<(string Code, string[] Words)>();
        var version = 0;
        var lineNumber = 0;
        var position = 0;
        while (position < content.Length)
        {
            var newline = content.IndexOf('\n', position);
            var lineEnd = newline < 0 ? content.Length : newline;
            var lineStart = position;
            position = lineEnd + 1;
            lineNumber++;
            var span = content.AsSpan(lineStart, lineEnd - lineStart);
            if (span.Length == 0 || span[0] == '#')
            {
                continue;
            }

            if (span.StartsWith("gram\t", StringComparison.Ordinal))
            {
                rawGrams.Add((lineStart, span.Length, lineNumber));
                continue;
            }

            var fields = span.ToString().Split('\t');
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
                default:
                    throw new RuleFileException($"{origin}: line {lineNumber}: not a profile line");
            }
        }

        var index = codes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var codeLookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var builder = new GramTable.Builder(rawGrams.Count);
        var row = new List<GramTable.Entry>();
        Span<char> gram = stackalloc char[LanguageFeatures.MaxOrder];
        foreach (var (lineStart, length, line) in rawGrams)
        {
            var rest = content.AsSpan(lineStart + "gram\t".Length, length - "gram\t".Length);
            var tab = rest.IndexOf('\t');
            if (tab <= 0 || tab > LanguageFeatures.MaxOrder || rest[(tab + 1)..].Contains('\t'))
            {
                throw new RuleFileException($"{origin}: line {line}: not GRAM<tab>VALUES with a gram of 1 to {LanguageFeatures.MaxOrder} characters");
            }

            rest[..tab].Replace(gram, '_', LanguageFeatures.Boundary);
            var order = tab - 1;
            row.Clear();
            foreach (var range in rest[(tab + 1)..].Split(' '))
            {
                var pair = rest[(tab + 1)..][range];
                if (pair.Length == 0)
                {
                    continue;
                }

                var colon = pair.LastIndexOf(':');
                if (colon <= 0 || !codeLookup.TryGetValue(pair[..colon], out var language))
                {
                    throw new RuleFileException($"{origin}: line {line}: '{pair}' is not LANGUAGE:VALUE of a declared language");
                }

                row.Add(new GramTable.Entry(language, (float)Math.Log(ParseValue(pair[(colon + 1)..], origin, line) / Scale) - floors[language][order]));
            }

            if (!builder.Add(Key(gram[..tab]), order, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(row)))
            {
                throw new RuleFileException($"{origin}: line {line}: gram '{rest[..tab]}' is listed twice");
            }
        }

        var grams = builder.Build();
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

    private static double ParseValue(ReadOnlySpan<char> text, string origin, int line) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) && whole > 0 ? whole
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new RuleFileException($"{origin}: line {line}: '{text}' is not a positive number");
}
