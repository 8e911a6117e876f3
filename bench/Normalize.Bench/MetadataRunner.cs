using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Normalize.Core.Ingest.Html;

namespace Normalize.Bench;

/// <summary>
/// Title, date and author of HTML pages against the wcxb-dev ground truth, on the articles whose truth has the field.
/// The metadata rules are hand-written from failures seen on one half of the sites ("A": SHA-1 of the site, first
/// 32 bits little-endian, even); the other half ("B") was not looked at, so the gap between the two is the rules'
/// generalization gap. Usage: metadata [--set NAME] [--tsv FILE] [--half A|B] [--page ID]
/// </summary>
public static class MetadataRunner
{
    public static int Run(string[] args)
    {
        var set = "wcxb-dev";
        string? tsv = null;
        char? onlyHalf = null;
        string? onlyPage = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set" when i + 1 < args.Length:
                    set = args[++i];
                    break;
                case "--tsv" when i + 1 < args.Length:
                    tsv = args[++i];
                    break;
                case "--half" when i + 1 < args.Length && args[i + 1] is "A" or "B":
                    onlyHalf = args[++i][0];
                    break;
                case "--page" when i + 1 < args.Length:
                    onlyPage = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"metadata: unknown argument '{args[i]}' (use --set NAME, --tsv FILE, --half A|B, --page ID)");
                    return 2;
            }
        }

        var root = SharedData.Require("bench/extraction");
        if (root is null)
        {
            return 0;
        }

        // --half A reads only the half the rules are developed on (the other one stays unseen while they change).
        var pages = DevPages.Load(root, set).Where(p => onlyHalf is null || HalfOf(p.Site) == onlyHalf).ToList();
        if (onlyPage is not null)
        {
            pages = pages.Where(p => p.Id == onlyPage).ToList();
        }

        var extractor = HtmlExtractor.Default;
        var extractions = new List<HtmlExtraction?>();
        var cpuBefore = ThreadCpu.Now();
        foreach (var page in pages)
        {
            extractions.Add(extractor.Extract(page.ReadHtml(), page.Url).Extraction);
        }

        var cpu = ThreadCpu.Now() - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set}: {pages.Count} pages extracted in {cpu.TotalSeconds:0.0} s thread CPU (decompression included)"));
        Console.WriteLine("Half A = the sites the rules were written from; half B = sites not looked at.");
        MetadataScore.PrintTable(pages, extractions, [
            ("articles, half A", p => p.PageType == "article" && HalfOf(p.Site) == 'A'),
            ("articles, half B", p => p.PageType == "article" && HalfOf(p.Site) == 'B'),
            ("articles, all", p => p.PageType == "article"),
            ("all pages", _ => true),
        ]);
        tsv ??= Path.Combine(Path.GetTempPath(), "normalize-wcxb-metadata.tsv");
        MetadataScore.WriteDetails(tsv, pages, extractions, HalfOf);
        Console.WriteLine($"(per page: {tsv})");
        return 0;
    }

    /// <summary>The half of the dev sites a site belongs to (as the folds of train-boilerplate with k = 2).</summary>
    public static char HalfOf(string site)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(site));
        return BitConverter.ToUInt32(hash, 0) % 2 == 0 ? 'A' : 'B';
    }
}

/// <summary>Exact-match rates of title, date and authors against the wcxb-dev ground truth.</summary>
public static class MetadataScore
{
    private static readonly Lazy<Normalize.Core.Typography.TypographyStage> Typography = new(() => new Normalize.Core.Typography.TypographyStage());

    public static void PrintTable(List<DevPage> pages, List<HtmlExtraction?> extractions, (string Name, Func<DevPage, bool> Select)[] groups)
    {
        var rows = new List<string[]>();
        foreach (var (name, select) in groups)
        {
            var chosen = Enumerable.Range(0, pages.Count).Where(i => select(pages[i])).ToList();
            rows.Add([name,
                Rate(chosen, i => pages[i].Title, i => TitleMatches(extractions[i], pages[i])),
                Rate(chosen, i => pages[i].Title, i => Same(StoredTitle(extractions[i]?.Metadata.Title), pages[i].Title)),
                Rate(chosen, i => pages[i].PublishDate, i => DateMatches(extractions[i], pages[i])),
                Rate(chosen, i => pages[i].Author, i => AuthorMatches(extractions[i], pages[i])),
                Rate(chosen, i => pages[i].Author, i => AuthorNamesMatch(extractions[i], pages[i])),
                Rate(chosen, i => pages[i].PageType, i => (extractions[i]?.PageType == "article") == (pages[i].PageType == "article")),
            ]);
        }

        ExtractionRunner.PrintTable(["pages", "title exact", "title as stored", "date (day)", "author", "author names", "article or not"], rows);
        Console.WriteLine("title as stored: after the typography stage of `clean` (straight quotes); author: an extracted name, or all of them joined");
        Console.WriteLine("with \", \", equals the truth; author names: the truth split at , ; & and \"and\" is the same set of names as the extracted ones");
    }

    public static void WriteDetails(string path, List<DevPage> pages, List<HtmlExtraction?> extractions, Func<string, char> halfOf) =>
        File.WriteAllLines(path, Enumerable.Range(0, pages.Count).Select(i => string.Join('\t',
            pages[i].Id, halfOf(pages[i].Site), pages[i].PageType, extractions[i]?.PageType,
            Mark(TitleMatches(extractions[i], pages[i]), pages[i].Title), pages[i].Title, extractions[i]?.Metadata.Title,
            Mark(DateMatches(extractions[i], pages[i]), pages[i].PublishDate), pages[i].PublishDate, extractions[i]?.Metadata.Date,
            Mark(AuthorNamesMatch(extractions[i], pages[i]), pages[i].Author), pages[i].Author, string.Join("; ", extractions[i]?.Metadata.Authors ?? []))));

    public static bool TitleMatches(HtmlExtraction? extraction, DevPage page) => Same(extraction?.Metadata.Title, page.Title);

    public static bool DateMatches(HtmlExtraction? extraction, DevPage page) =>
        extraction?.Metadata.Date is { Length: >= 10 } d && page.PublishDate is { Length: >= 10 } truth && d[..10] == truth[..10];

    public static bool AuthorMatches(HtmlExtraction? extraction, DevPage page) =>
        extraction?.Metadata.Authors.Any(a => Same(a, page.Author)) == true
        || Same(string.Join(", ", extraction?.Metadata.Authors ?? []), page.Author);

    public static bool AuthorNamesMatch(HtmlExtraction? extraction, DevPage page)
    {
        if (page.Author is null || extraction is null || extraction.Metadata.Authors.Count == 0)
        {
            return false;
        }

        var truth = Names(page.Author);
        var found = extraction.Metadata.Authors.SelectMany(Names).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return truth.SetEquals(found);

        static HashSet<string> Names(string value) =>
            value.Split([",", ";", " & ", " and "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => Collapse(n.TrimStart('&').Trim()))
                .Where(n => n.Length > 0 && !n.Equals("and", StringComparison.OrdinalIgnoreCase))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static string? StoredTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var article = new Normalize.Core.Article("t", "t", "") { Title = title };
        Typography.Value.Process(article);
        return article.Title;
    }

    private static string Mark(bool hit, string? truth) => truth is null ? "" : hit ? "ok" : "MISS";

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && Collapse(a).Equals(Collapse(b), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Rate(List<int> indexes, Func<int, string?> truth, Func<int, bool> hit)
    {
        var with = indexes.Where(i => truth(i) is { Length: > 0 }).ToList();
        return with.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{with.Count(hit) / (double)with.Count:0.000} of {with.Count}");
    }
}
