using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Normalize.Core.Language;

namespace Normalize.Bench;

/// <summary>
/// `langid`: language identification accuracy on text we did not write. NTREX-128 DEV (29 languages, one
/// sentence per line) per language and by length: one sentence, 2-3 consecutive sentences, a paragraph
/// (consecutive sentences of a document up to at least 25 words). The one weight chosen on this data (how much
/// function words count) is chosen out-of-fold: 5 folds grouped by document, the weight picked on the other
/// four; in-fold (picked on all) beside it. Then agreement with the declared &lt;html lang&gt; on the extraction
/// bench's ground-truth texts, and throughput.
/// Usage: langid [--profile FILE] [--errors NTREX-FILE] | langid --explain TEXT | langid --dump FILE
/// </summary>
public static partial class LangIdRunner
{
    private const int Folds = 5;
    private const int ParagraphWords = 25;
    private static readonly double[] Weights = [4, 8, 16, 32, 64];
    private static readonly string[] Lengths = ["sentence", "2-3 sentences", "paragraph"];

    private sealed record Unit(string Language, string Ntrex, string Doc, int Fold, string Length, string Text);

    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--explain")
        {
            foreach (var (code, grams, words) in LanguageIdentifier.Default.Explain(args[1]).Take(6))
            {
                Console.WriteLine($"{code,-4} total {grams + words,9:0.0}  grams {grams,9:0.0}  function words {words,7:0.0}");
            }

            return 0;
        }

        var path = SharedData.Require("bench/translation/ntrex-langid-dev.tsv");
        if (path is null)
        {
            return 0;
        }

        var units = ReadUnits(path);
        if (args.Length >= 2 && args[0] == "--dump")
        {
            // Every unit's guess by the shipped identifier, to check that a speed change leaves every answer as it was.
            File.WriteAllLines(args[1], units.Select(u => LanguageIdentifier.Default.Identify(u.Text) is var g
                ? $"{g.Code}\t{g.Confidence.ToString("0.0000", CultureInfo.InvariantCulture)}\t{g.Letters}" : ""));
            Throughput(units);
            return 0;
        }

        // --profile FILE: evaluate a profile train-langid --out wrote, before it replaces the shipped one.
        var profileIndex = Array.IndexOf(args, "--profile");
        var profiles = profileIndex >= 0 && profileIndex + 1 < args.Length
            ? LanguageProfiles.Parse(File.ReadAllText(args[profileIndex + 1]), args[profileIndex + 1])
            : LanguageProfiles.Embedded;
        if (profileIndex >= 0)
        {
            Console.WriteLine($"profile: {args[profileIndex + 1]}");
        }

        var predictions = new Dictionary<double, string[]>();
        foreach (var weight in Weights)
        {
            var identifier = new LanguageIdentifier(profiles, LanguageIdentifierOptions.Default with { FunctionWordWeight = weight });
            predictions[weight] = units.Select(u => identifier.Identify(u.Text).Code).ToArray();
        }

        // Out-of-fold: each fold's predictions come from the weight that scored best on the other folds.
        var outOfFold = new string[units.Count];
        var chosen = new List<double>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var best = Weights.OrderByDescending(w => MeanAccuracy(units, predictions[w], u => u.Fold != fold)).ThenBy(w => w).First();
            chosen.Add(best);
            for (var i = 0; i < units.Count; i++)
            {
                if (units[i].Fold == fold)
                {
                    outOfFold[i] = predictions[best][i];
                }
            }
        }

        var inFoldWeight = Weights.OrderByDescending(w => MeanAccuracy(units, predictions[w], _ => true)).ThenBy(w => w).First();
        var inFold = predictions[inFoldWeight];
        var shipped = predictions.TryGetValue(LanguageIdentifierOptions.Default.FunctionWordWeight, out var d) ? d : null;

        Console.WriteLine($"NTREX-128 DEV language identification: {units.Count} units, {units.Select(u => u.Doc).Distinct().Count()} documents, {Folds} folds by document");
        Console.WriteLine($"function-word weight chosen per fold (out-of-fold): {string.Join(", ", chosen)}; in-fold best: {inFoldWeight}; shipped default: {LanguageIdentifierOptions.Default.FunctionWordWeight}");
        Console.WriteLine();
        Console.WriteLine("accuracy out-of-fold (in-fold) by length; n = units; worst confusion on sentences");
        Console.WriteLine($"{"file",-9} {"lang",-4} {"sentence",-15} {"2-3 sentences",-15} {"paragraph",-15} {"n s/2-3/p",-12} confusion");
        foreach (var group in units.Select((u, i) => (u, i)).GroupBy(p => p.u.Ntrex).OrderBy(g => g.First().u.Language).ThenBy(g => g.Key))
        {
            var cells = new List<string>();
            var counts = new List<int>();
            foreach (var length in Lengths)
            {
                var items = group.Where(p => p.u.Length == length).ToList();
                counts.Add(items.Count);
                cells.Add(items.Count == 0 ? "-" : $"{Accuracy(items, outOfFold):0.000} ({Accuracy(items, inFold):0.000})");
            }

            var confusion = group.Where(p => p.u.Length == "sentence" && outOfFold[p.i] != p.u.Language)
                .GroupBy(p => outOfFold[p.i]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
            Console.WriteLine($"{group.Key,-9} {group.First().u.Language,-4} {cells[0],-15} {cells[1],-15} {cells[2],-15} {string.Join('/', counts),-12} {(confusion is null ? "" : $"{confusion.Key} x{confusion.Count()}")}");
        }

        foreach (var length in Lengths)
        {
            var items = units.Select((u, i) => (u, i)).Where(p => p.u.Length == length).ToList();
            Console.WriteLine($"all {length}: {Accuracy(items, outOfFold):0.0000} out-of-fold ({Accuracy(items, inFold):0.0000} in-fold{(shipped is null ? "" : $", {Accuracy(items, shipped):0.0000} shipped default")})");
        }

        if (Array.IndexOf(args, "--errors") is var errorsIndex and >= 0 && errorsIndex + 1 < args.Length)
        {
            // Out-of-fold mistakes on sentences of one NTREX file, to see what confuses the identifier.
            foreach (var (u, i) in units.Select((u, i) => (u, i)).Where(p => p.u.Ntrex == args[errorsIndex + 1] && p.u.Length == "sentence" && outOfFold[p.i] != p.u.Language))
            {
                Console.WriteLine($"  {outOfFold[i]}: {u.Text}");
            }
        }

        Console.WriteLine();
        DeclaredLanguageAgreement();
        Console.WriteLine();
        Throughput(units);
        return 0;
    }

    private static double Accuracy(List<(Unit u, int i)> items, string[] predicted) =>
        items.Count == 0 ? 0 : items.Count(p => predicted[p.i] == p.u.Language) / (double)items.Count;

    /// <summary>Mean over NTREX files of sentence accuracy (the hardest length), on the units <paramref name="include"/> keeps.</summary>
    private static double MeanAccuracy(List<Unit> units, string[] predicted, Func<Unit, bool> include) =>
        units.Select((u, i) => (u, i)).Where(p => p.u.Length == "sentence" && include(p.u))
            .GroupBy(p => p.u.Ntrex)
            .Average(g => g.Count(p => predicted[p.i] == p.u.Language) / (double)g.Count());

    private static List<Unit> ReadUnits(string path)
    {
        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 5)
            .Select(f => (Lang: f[0], Ntrex: f[1], Doc: f[2], Seg: int.Parse(f[3], CultureInfo.InvariantCulture), Text: f[4])).ToList();
        var docs = rows.Select(r => r.Doc).Distinct().Order(StringComparer.Ordinal).ToList();
        var fold = docs.Select((doc, i) => (doc, i)).ToDictionary(p => p.doc, p => p.i % Folds);
        var units = new List<Unit>();
        foreach (var document in rows.GroupBy(r => (r.Ntrex, r.Doc)))
        {
            var sentences = document.OrderBy(r => r.Seg).ToList();
            var (lang, ntrex, doc) = (sentences[0].Lang, sentences[0].Ntrex, sentences[0].Doc);
            foreach (var s in sentences)
            {
                units.Add(new Unit(lang, ntrex, doc, fold[doc], "sentence", s.Text));
            }

            for (var i = 0; i + 1 < sentences.Count; i += 3)
            {
                units.Add(new Unit(lang, ntrex, doc, fold[doc], "2-3 sentences", string.Join(' ', sentences.Skip(i).Take(3).Select(s => s.Text))));
            }

            var paragraph = new List<string>();
            foreach (var s in sentences)
            {
                paragraph.Add(s.Text);
                var text = string.Join(' ', paragraph);
                // Scripts without spaces (Chinese, Japanese): 25 words are about 50 characters.
                var words = text.Contains(' ') ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length : text.Length / 2;
                if (words >= ParagraphWords)
                {
                    units.Add(new Unit(lang, ntrex, doc, fold[doc], "paragraph", text));
                    paragraph.Clear();
                }
            }
        }

        return units;
    }

    /// <summary>The extraction bench's ground-truth texts against the language their page declares.</summary>
    private static void DeclaredLanguageAgreement()
    {
        var root = SharedData.Require("bench/extraction");
        if (root is null)
        {
            return;
        }

        var identifier = LanguageIdentifier.Default;
        var results = new List<(string Page, string Declared, string Identified)>();
        var undeclared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var txt in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stem = txt[..^4];
            var html = File.Exists(stem + ".html") ? File.ReadAllText(stem + ".html")
                : File.Exists(stem + ".html.gz") ? ReadGzip(stem + ".html.gz") : null;
            if (html is null)
            {
                continue;
            }

            var identified = identifier.Identify(File.ReadAllText(txt)).Code;
            var declared = HtmlLang().Match(html) is { Success: true } m ? LanguageIdentifier.PrimaryCode(m.Groups[1].Value) : null;
            if (declared is null || declared.Length == 0)
            {
                undeclared[identified] = undeclared.GetValueOrDefault(identified) + 1;
                continue;
            }

            results.Add((Path.GetRelativePath(root, stem), declared, identified));
        }

        Console.WriteLine($"extraction pages: ground-truth text vs <html lang> ({results.Count} pages declare one)");
        foreach (var group in results.GroupBy(r => r.Declared).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
        {
            var agree = group.Count(r => r.Identified == r.Declared);
            Console.WriteLine($"  declared {group.Key,-4} {agree,4}/{group.Count(),-4} agree  {string.Join(", ", group.Where(r => r.Identified != r.Declared).GroupBy(r => r.Identified).Select(g => $"{g.Key} x{g.Count()}"))}");
        }

        Console.WriteLine($"  agreement: {results.Count(r => r.Identified == r.Declared) / (double)Math.Max(1, results.Count):0.000}; pages without lang, identified as: {string.Join(", ", undeclared.OrderByDescending(p => p.Value).Select(p => $"{p.Key} x{p.Value}"))}");
        foreach (var (page, declared, identified) in results.Where(r => r.Identified != r.Declared))
        {
            Console.WriteLine($"    {page}: declared {declared}, identified {identified}");
        }
    }

    private static string ReadGzip(string path)
    {
        using var stream = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Throughput(List<Unit> units)
    {
        var identifier = LanguageIdentifier.Default;
        var texts = units.Where(u => u.Length == "sentence").Select(u => u.Text).ToList();
        foreach (var text in texts.Take(500))
        {
            identifier.Identify(text); // warm-up
        }

        var chars = texts.Sum(t => (long)t.Length);
        var watch = Stopwatch.StartNew();
        const int rounds = 3;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var text in texts)
            {
                identifier.Identify(text);
            }
        }

        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds / rounds;
        Console.WriteLine($"throughput: {texts.Count} sentences in {seconds * 1000:0} ms = {chars / seconds / 1e6:0.00} M chars/s, {seconds / texts.Count * 1e6:0.0} µs per sentence (one thread)");
    }

    [GeneratedRegex(@"<html\b[^>]*?\blang\s*=\s*[""']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLang();
}
