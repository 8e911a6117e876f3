using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Normalize.Bench;

/// <summary>One labelled dev page of ../shared/bench/extraction: its HTML, ground-truth text and, where the set has them, metadata.</summary>
public sealed record DevPage(string Set, string Id, string HtmlPath, string Truth, string Site)
{
    public string? Url { get; init; }

    public string PageType { get; init; } = "article";

    public string? Title { get; init; }

    public string? Author { get; init; }

    public string? PublishDate { get; init; }

    public IReadOnlyList<string> With { get; init; } = [];

    public IReadOnlyList<string> Without { get; init; } = [];

    public byte[] ReadHtml()
    {
        if (!HtmlPath.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(HtmlPath);
        }

        using var input = new GZipStream(File.OpenRead(HtmlPath), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}

/// <summary>Reads the dev sets: scrapinghub-aeb, mozilla-readability-tests (&lt;id&gt;.html) and wcxb-dev (&lt;id&gt;.html.gz).</summary>
public static class DevPages
{
    public static readonly string[] AllSets = ["wcxb-dev", "scrapinghub-aeb", "mozilla-readability-tests"];

    public static List<DevPage> Load(string root, string set)
    {
        var folder = Path.Combine(root, set);
        var pages = new List<DevPage>();
        var files = Directory.GetFiles(folder, "*.html").Concat(Directory.GetFiles(folder, "*.html.gz")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var id = Path.GetFileName(file);
            id = id[..id.IndexOf(".html", StringComparison.Ordinal)];
            var truth = File.ReadAllText(Path.Combine(folder, id + ".txt"), Encoding.UTF8);
            var jsonPath = Path.Combine(folder, id + ".json");
            using var json = File.Exists(jsonPath) ? JsonDocument.Parse(File.ReadAllText(jsonPath)) : null;
            var meta = json?.RootElement;
            var url = Str(meta, "url");
            var page = new DevPage(set, id, file, truth, SiteOf(set, id, url))
            {
                Url = url,
                PageType = Str(meta, "page_type") ?? "article",
                Title = set == "wcxb-dev" ? Str(meta, "title") : null,
                Author = set == "wcxb-dev" ? Str(meta, "author") : null,
                PublishDate = set == "wcxb-dev" ? Str(meta, "publish_date") : null,
                With = Strings(meta, "with"),
                Without = Strings(meta, "without"),
            };
            pages.Add(page);
        }

        return pages;
    }

    /// <summary>The site a page belongs to, the unit of the grouped folds: the URL's host without "www.", else the Readability slug without its number.</summary>
    public static string SiteOf(string set, string id, string? url)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var host = uri.Host.ToLowerInvariant();
            return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        }

        var dash = id.LastIndexOf('-');
        return set + ":" + (dash > 0 && id[(dash + 1)..].All(char.IsAsciiDigit) ? id[..dash] : id);
    }

    private static string? Str(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } s ? s : null;

    private static List<string> Strings(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}

/// <summary>
/// WCXB's own metric (../shared/bench/extraction/score_wcxb.py): lower-cased \w+ words as a multiset, P/R/F1 per page
/// averaged over pages; shares of 'with' snippets found and of 'without' (boilerplate) snippets found.
/// </summary>
public static class WordMetric
{
    public readonly record struct Score(double Precision, double Recall, double F1, double With, double Without);

    public static Score Of(DevPage page, string predicted)
    {
        var (p, r, f) = Prf(predicted, page.Truth);
        return new Score(p, r, f, Rate(predicted, page.With), Rate(predicted, page.Without));
    }

    public static (double P, double R, double F) Prf(string predicted, string truth)
    {
        var pred = ShingleMetric.Tokens(predicted.ToLowerInvariant());
        var reference = ShingleMetric.Tokens(truth.ToLowerInvariant());
        if (reference.Count == 0)
        {
            return pred.Count == 0 ? (1, 1, 1) : (0, 0, 0);
        }

        if (pred.Count == 0)
        {
            return (0, 0, 0);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in reference)
        {
            counts[t] = counts.GetValueOrDefault(t) + 1;
        }

        var overlap = 0;
        foreach (var t in pred)
        {
            if (counts.TryGetValue(t, out var n) && n > 0)
            {
                counts[t] = n - 1;
                overlap++;
            }
        }

        double precision = overlap / (double)pred.Count, recall = overlap / (double)reference.Count;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static double Rate(string text, IReadOnlyList<string> snippets)
    {
        if (snippets.Count == 0)
        {
            return 1;
        }

        var low = text.ToLowerInvariant();
        return snippets.Count(s => low.Contains(s.ToLowerInvariant(), StringComparison.Ordinal)) / (double)snippets.Count;
    }

    public static Score Mean(IReadOnlyCollection<Score> scores) => scores.Count == 0
        ? new Score(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
        : new Score(scores.Average(s => s.Precision), scores.Average(s => s.Recall), scores.Average(s => s.F1), scores.Average(s => s.With), scores.Average(s => s.Without));
}
