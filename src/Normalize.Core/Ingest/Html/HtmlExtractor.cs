using HtmlAgilityPack;
using Normalize.Core.Learning;

namespace Normalize.Core.Ingest.Html;

/// <summary>Limits that keep one hostile or broken page from taking the run down.</summary>
public sealed record HtmlBudget
{
    /// <summary>Characters of HTML read; a longer page is cut there (with a warning), as a truncated page is read.</summary>
    public int MaxChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>Tags read; past it the rest of the page is cut off (each tag costs memory in the parsed tree).</summary>
    public int MaxTags { get; init; } = 250_000;

    /// <summary>Deepest element nesting the parser accepts; deeper pages are refused.</summary>
    public int MaxDepth { get; init; } = 2_000;

    public TimeSpan Time { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock the time budget is read from (tests step it), and "now" past which a page's date is not its publication date.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>The article body of a page and its metadata, or why there is none.</summary>
/// <param name="Text">Body text: paragraphs separated by a blank line; empty when the page has no text.</param>
/// <param name="LooksLikeArticle">False for pages whose best text is a link list or a few short lines (an index page).</param>
/// <param name="Removed">Text taken out of the article (headline, byline, share bars, captions, teaser links, link-heavy blocks) with a reason.</param>
public sealed record HtmlExtraction(string Text, HtmlMetadata Metadata, bool LooksLikeArticle, IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<(string Text, string Reason)> Removed { get; init; } = [];

    /// <summary>What kind of page this is (<see cref="PageTypes"/>): "article", "listing", "forum", "product", "documentation".</summary>
    public string PageType { get; init; } = PageTypes.Article;

    /// <summary>Every text block of the page with its features (filled when the extractor scores blocks or is asked to keep them).</summary>
    public IReadOnlyList<PageBlock> Blocks { get; init; } = [];
}

public readonly record struct HtmlExtractionResult(HtmlExtraction? Extraction, string? Error);

/// <summary>
/// Main-content extraction: parses the page with HtmlAgilityPack, reads its metadata, then scores
/// blocks of the DOM (see <see cref="ContentFinder"/>) and renders the article body with a
/// paragraph break at every block element. Thread-safe; one instance serves a whole run.
/// </summary>
public sealed class HtmlExtractor
{
    /// <summary>An extraction shorter than this is retried with fewer cleaning steps.</summary>
    private const int RetryBelowChars = 500;

    private readonly HtmlHints _hints;
    private readonly HtmlBudget _budget;
    private readonly BoostedTrees? _blockModel;
    private readonly bool _keepBlocks;

    /// <param name="blockModel">Decides block by block what is body text (see <see cref="BlockModels"/>); null keeps the rule-based body.</param>
    /// <param name="keepBlocks">Return every block with its features (for training the block model).</param>
    public HtmlExtractor(HtmlHints? hints = null, HtmlBudget? budget = null, BoostedTrees? blockModel = null, bool keepBlocks = false)
    {
        _hints = hints ?? HtmlHints.Embedded;
        _budget = budget ?? new HtmlBudget();
        _blockModel = blockModel;
        _keepBlocks = keepBlocks;
        if (blockModel is not null)
        {
            BlockModels.CheckFeatures(blockModel, PageBlocks.FeatureNames, "HTML block model");
        }
    }

    /// <summary>The extractor with the shipped block model (built on first use: a stale model must not stop `train-boilerplate` from rebuilding it).</summary>
    public static HtmlExtractor Default => DefaultExtractor.Value;

    private static readonly Lazy<HtmlExtractor> DefaultExtractor = new(() => new HtmlExtractor(blockModel: BlockModels.Html));

    /// <summary>The text of the blocks a model keeps, one paragraph per block; empty when it keeps none.</summary>
    public static string KeepBlocks(IReadOnlyList<PageBlock> blocks, BoostedTrees model) =>
        KeepBlocks(blocks, model, BlockModels.KeepInBody, BlockModels.AddOutsideBody);

    /// <summary>
    /// The page's headline is metadata, never body text (a fact, not the model's call).
    /// Blocks inside the rule-based body stay unless the model's probability is under <paramref name="keepInBody"/>;
    /// blocks outside it come in when it is at least <paramref name="addOutsideBody"/>.
    /// </summary>
    public static string KeepBlocks(IReadOnlyList<PageBlock> blocks, BoostedTrees model, double keepInBody, double addOutsideBody) =>
        PageBlocks.Render(blocks.Where(b => b.Features[PageBlocks.TitleFeature] == 0
            && model.Predict(b.Features) >= (b.Features[PageBlocks.InContentFeature] > 0 ? keepInBody : addOutsideBody)).Select(b => b.Text));

    /// <summary>Decodes the bytes (BOM, declared charset, UTF-8, Windows-1252) and extracts.</summary>
    public HtmlExtractionResult Extract(byte[] bytes, string? url = null)
    {
        var decoded = HtmlDecoding.Decode(bytes);
        if (decoded.Text is null)
        {
            return new HtmlExtractionResult(null, decoded.Error);
        }

        var result = Extract(decoded.Text, url);
        if (decoded.Warning is not null && result.Extraction is { } extraction)
        {
            return result with { Extraction = extraction with { Warnings = [decoded.Warning, .. extraction.Warnings] } };
        }

        return result;
    }

    public HtmlExtractionResult Extract(string html, string? url = null)
    {
        var warnings = new List<string>();
        html = ApplySizeBudget(InertMarkup.Strip(html), warnings);
        var deadline = new Deadline(_budget.Time, "per-document", _budget.Clock);
        var document = new HtmlDocument
        {
            OptionMaxNestedChildNodes = _budget.MaxDepth,
            OptionCheckSyntax = false,
            OptionUseIdAttribute = false,
            OptionComputeChecksum = false,
        };
        try
        {
            document.LoadHtml(html);
            if (StreamedSegments.MayHave(html))
            {
                StreamedSegments.Place(document);
            }

            deadline.Check();
            var (metadata, titles) = HtmlMetadataReader.Read(document, url, _hints, _budget.Clock.GetUtcNow(), deadline);
            var (text, byline, looksLikeArticle, removed, all, content) = ExtractBody(document, titles, deadline);
            IReadOnlyList<PageBlock> blocks = [];
            if (_blockModel is not null || _keepBlocks)
            {
                blocks = PageBlocks.Read(all, content, _hints);
                deadline.Check();
            }

            if (_blockModel is not null && KeepBlocks(blocks, _blockModel) is { Length: > 0 } kept)
            {
                text = kept;
            }

            if (metadata.Authors.Count == 0 && byline is not null)
            {
                metadata = metadata with { Authors = Bylines.Names(byline) };
            }

            return new HtmlExtractionResult(new HtmlExtraction(text, metadata, looksLikeArticle, warnings) { Removed = removed, Blocks = _keepBlocks ? blocks : [], PageType = PageTypes.Of(metadata, looksLikeArticle) }, null);
        }
        catch (BudgetExceededException ex)
        {
            return new HtmlExtractionResult(null, "extraction " + ex.Message);
        }
        catch (Exception ex) when (ex.Message.Contains("nested tags", StringComparison.OrdinalIgnoreCase))
        {
            // HtmlAgilityPack refuses documents nested deeper than OptionMaxNestedChildNodes.
            return new HtmlExtractionResult(null, $"elements nested deeper than {_budget.MaxDepth} levels (per-document nesting budget)");
        }
    }

    /// <summary>
    /// All visible text of a page, one line per block, chrome included (navigation, footers, share bars): the
    /// text dump a scraper makes of it. Used to train and test the text-dump boilerplate stage on labelled pages.
    /// </summary>
    public IReadOnlyList<string> VisibleLines(string html)
    {
        var document = new HtmlDocument { OptionMaxNestedChildNodes = _budget.MaxDepth, OptionCheckSyntax = false, OptionUseIdAttribute = false };
        try
        {
            var stripped = ApplySizeBudget(InertMarkup.Strip(html), []);
            document.LoadHtml(stripped);
            if (StreamedSegments.MayHave(stripped))
            {
                StreamedSegments.Place(document);
            }

            var all = new List<DomNode>();
            DomBuilder.Build(document, _hints, stripUnlikely: false, new Deadline(_budget.Time, "per-document", _budget.Clock), all, DomBuilder.NeverTextTags);
            return PageBlocks.Texts(all);
        }
        catch (Exception ex) when (ex is BudgetExceededException || ex.Message.Contains("nested tags", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
    }

    private string ApplySizeBudget(string html, List<string> warnings)
    {
        var cut = Math.Min(html.Length, _budget.MaxChars);
        var tags = 0;
        var index = html.AsSpan(0, cut).Count('<') > _budget.MaxTags ? html.IndexOf('<') : -1;
        while (index >= 0 && index < cut)
        {
            if (++tags > _budget.MaxTags)
            {
                cut = index;
                break;
            }

            index = html.IndexOf('<', index + 1);
        }

        if (cut == html.Length)
        {
            return html;
        }

        var why = cut == _budget.MaxChars ? $"{_budget.MaxChars / (1024 * 1024)} MB" : $"{_budget.MaxTags:N0} tags";
        warnings.Add($"page cut to its first {why} (per-document size budget; the page has {html.Length / (1024.0 * 1024):0.0} MB)");
        return html[..cut];
    }

    private (string Text, string? Byline, bool LooksLikeArticle, List<(string, string)> Removed, List<DomNode> All, List<DomNode> Content) ExtractBody(
        HtmlDocument document, IReadOnlyList<string> titles, Deadline deadline)
    {
        (string Text, string? Byline, List<DomNode> Content, List<(string, string)> Removed, List<DomNode> All)? best = null;
        foreach (var flags in ExtractionFlags.Attempts)
        {
            var all = new List<DomNode>();
            var root = DomBuilder.Build(document, _hints, flags.StripUnlikely, deadline, all);
            var finder = new ContentFinder(_hints, flags, deadline);
            var content = finder.Find(root, all, titles);
            var text = BlockText.Render(content);
            deadline.Check();
            if (best is null || text.Length > best.Value.Text.Length)
            {
                best = (text, finder.Byline, content, finder.Removals, all);
            }

            if (text.Length >= RetryBelowChars)
            {
                break;
            }
        }

        var (bestText, byline, bestContent, removed, bestAll) = best!.Value;
        return (bestText, byline, LooksLikeArticle(bestText, bestContent), removed, bestAll, bestContent);
    }

    /// <summary>
    /// An article is not mostly links and has at least one sentence; an index page's best block
    /// is a list of linked headlines.
    /// </summary>
    private static bool LooksLikeArticle(string text, List<DomNode> content)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var length = content.Sum(c => c.TextLength);
        var links = content.Sum(c => c.LinkLength);
        if (length > 0 && links / length > 0.5)
        {
            return false;
        }

        return text.Split("\n\n").Any(IsSentence);

        static bool IsSentence(string paragraph)
        {
            var trimmed = paragraph.TrimEnd('"', '\'', '”', '’', '»', ')', ' ');
            return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '…' or '。' or '！' or '？'
                   && trimmed.Count(c => c == ' ') >= 2;
        }
    }
}
