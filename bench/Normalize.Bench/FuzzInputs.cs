using System.Text;

namespace Normalize.Bench;

/// <summary>
/// Seeded, deterministic malformed inputs made from real ones: byte flips, control characters, giant
/// tokens, runs of dots and spaces, repeated words, deep nesting, full-width digits, lone surrogates,
/// splices and truncations. Shared by the `fuzz` bench runner and the short fuzz test (linked source).
/// </summary>
public sealed class FuzzInputs
{
    /// <summary>One generated input: a file name (its extension decides how it is read) and its bytes.</summary>
    public sealed record Input(string Name, byte[] Bytes, string Mutation);

    private static readonly string[] Mutations =
    [
        "byte-flips", "control-chars", "giant-token", "dot-run", "space-run", "repeated-words", "deep-nesting",
        "full-width-digits", "lone-surrogate", "splice", "truncate", "long-paragraph", "number-soup", "as-is",
    ];

    private readonly IReadOnlyList<(string Name, byte[] Bytes)> _seeds;
    private readonly Random _random;
    private readonly int _maxGiant;

    /// <param name="seeds">Files to mutate (name with extension, bytes).</param>
    /// <param name="seed">The random seed: the same seed gives the same inputs.</param>
    /// <param name="maxGiant">The size of the largest giant token or run, in characters.</param>
    public FuzzInputs(IReadOnlyList<(string Name, byte[] Bytes)> seeds, int seed, int maxGiant = 450_000)
    {
        _seeds = seeds;
        _random = new Random(seed);
        _maxGiant = maxGiant;
    }

    /// <summary>Text, HTML and JSONL seed files under the given folders (sorted, so runs are reproducible).</summary>
    public static List<(string Name, byte[] Bytes)> LoadSeeds(IEnumerable<string> folders, int maxPerFolder = 200)
    {
        var seeds = new List<(string, byte[])>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetExtension(f) is ".txt" or ".html" or ".jsonl" && !f.EndsWith("README.md", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Take(maxPerFolder);
            seeds.AddRange(files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
        }

        return seeds;
    }

    public Input Next(int number)
    {
        var (name, bytes) = _seeds[_random.Next(_seeds.Count)];
        var mutation = Mutations[_random.Next(Mutations.Length)];
        var extension = Path.GetExtension(name);
        var mutated = mutation switch
        {
            "byte-flips" => FlipBytes(bytes),
            "control-chars" => InsertText(bytes, () => ControlText()),
            "giant-token" => InsertText(bytes, () => " US sanct" + Repeat(RandomWord(), _random.Next(1000, _maxGiant) / 4)),
            "dot-run" => InsertText(bytes, () => " " + new string('.', _random.Next(1000, _maxGiant / 2)) + " "),
            "space-run" => InsertText(bytes, () => "a" + new string(_random.Next(2) == 0 ? ' ' : '\t', _random.Next(1000, _maxGiant / 2)) + "b"),
            "repeated-words" => InsertText(bytes, () => Repeat(_random.Next(3) switch { 0 => "the ", 1 => "5 km ", _ => "on Monday " }, _random.Next(1000, 20_000))),
            "deep-nesting" => DeepNesting(bytes, extension),
            "full-width-digits" => Encoding.UTF8.GetBytes(FullWidthDigits(Encoding.UTF8.GetString(bytes))),
            "lone-surrogate" => LoneSurrogate(bytes, ref extension),
            "splice" => Splice(bytes, _seeds[_random.Next(_seeds.Count)].Bytes),
            "truncate" => bytes[.._random.Next(1, Math.Max(2, bytes.Length))],
            "long-paragraph" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\n", " ", StringComparison.Ordinal)),
            "number-soup" => InsertText(bytes, NumberSoup),
            _ => bytes,
        };
        return new Input($"f{number:D5}-{mutation}{extension}", mutated, mutation);
    }

    /// <summary>Lines for `annotate --jsonl`: fuzzed text with odd reference dates.</summary>
    public string AnnotateLine(Input input)
    {
        var text = Encoding.UTF8.GetString(input.Bytes);
        var start = text.Length == 0 ? 0 : _random.Next(text.Length);
        var line = text.Substring(start, Math.Min(text.Length - start, _random.Next(1, 400))).Replace('\n', ' ').Replace('\r', ' ');
        string[] references = ["2024-03-18T10:00:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00", "garbage", "2013-02-12T04:30:00-02:00"];
        var reference = references[_random.Next(references.Length)];
        return $"{{\"input\":{System.Text.Json.JsonSerializer.Serialize(line)},\"reference_datetime\":\"{reference}\"}}";
    }

    private byte[] FlipBytes(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        var flips = Math.Max(1, copy.Length / 200);
        for (var i = 0; i < flips && copy.Length > 0; i++)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return copy;
    }

    private byte[] InsertText(byte[] bytes, Func<string> make)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.Length == 0 ? 0 : _random.Next(text.Length);
        while (at > 0 && char.IsLowSurrogate(text[at]))
        {
            at--;
        }

        return Encoding.UTF8.GetBytes(text[..at] + make() + text[at..]);
    }

    private string ControlText()
    {
        string[] pieces = ["\u001b]0;pwned\u0007", "\u001b[31m", "\n\u001b[2Kerror: forged\n", "\u0007", "\u0085", "\u009b31m", "\u0000", "\u000b\u000c", "\u200b\u202e"];
        var builder = new StringBuilder();
        for (var i = _random.Next(1, 20); i > 0; i--)
        {
            builder.Append(pieces[_random.Next(pieces.Length)]).Append(RandomWord()).Append(' ');
        }

        return builder.ToString();
    }

    private byte[] DeepNesting(byte[] bytes, string extension)
    {
        var depth = _random.Next(1000, 100_000);
        var text = extension switch
        {
            ".html" => Repeat("<div><span>", depth) + "deep text" + Repeat("</span></div>", depth / 2),
            ".jsonl" => "{\"id\":\"deep\",\"text\":" + Repeat("[", depth) + "\"x\"" + Repeat("]", depth) + "}\n",
            _ => Repeat("((\"[", depth) + " text " + Repeat("]\"))", depth),
        };
        return [.. bytes, .. Encoding.UTF8.GetBytes(text)];
    }

    private byte[] LoneSurrogate(byte[] bytes, ref string extension)
    {
        extension = ".jsonl";
        var text = Encoding.UTF8.GetString(bytes).Replace("\n", " ", StringComparison.Ordinal);
        var body = System.Text.Json.JsonSerializer.Serialize(text.Length > 2000 ? text[..2000] : text);
        var at = _random.Next(1, Math.Max(2, body.Length - 1));
        while (at > 1 && body[at - 1] == '\\')
        {
            at--;
        }

        body = body[..at] + (_random.Next(2) == 0 ? "\\ud800" : "\\udfff") + body[at..];
        return Encoding.UTF8.GetBytes($"{{\"id\":\"s\",\"title\":\"T\\udbff\",\"text\":{body}}}\n");
    }

    private byte[] Splice(byte[] first, byte[] second)
    {
        var a = _random.Next(first.Length + 1);
        var b = _random.Next(second.Length + 1);
        return [.. first[..a], .. second[b..]];
    }

    private string NumberSoup()
    {
        string[] pieces = ["1/２", "NaN", "at 5pm", "tomorrow", "up to 10", "9999-12-31", "1e400", "99999999999999999999999 km", "-0.0.0.0", "3/4/5/6", "１２３", "٣", "12:61", "31/02/2024", "1,5", "$5m", "in 9000 years", "0001-01-01", "—"];
        var builder = new StringBuilder(" ");
        for (var i = _random.Next(1, 40); i > 0; i--)
        {
            builder.Append(pieces[_random.Next(pieces.Length)]).Append(' ');
        }

        return builder.ToString();
    }

    private string RandomWord()
    {
        var length = _random.Next(1, 8);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('a' + _random.Next(26));
        }

        return new string(chars);
    }

    private static string FullWidthDigits(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '0' and <= '9')
            {
                chars[i] = (char)('０' + (chars[i] - '0'));
            }
        }

        return new string(chars);
    }

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();
}
