using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Normalize.Core.Ingest;

/// <summary>
/// A basic HTML page reader: title, date and author from metadata, and the visible text of the
/// main element (article, main, or body) without script/style/nav/header/footer/aside, with a
/// paragraph break at every block element.
/// </summary>
public static partial class HtmlArticleReader
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
        "iframe", "svg", "button", "select", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "figure", "figcaption", "dl", "dt", "dd", "br", "hr", "address",
    };

    public static IngestResult Read(string source, string id, byte[] bytes)
    {
        var decoded = DecodeHtml(bytes);
        if (decoded.Text is null)
        {
            return new IngestError(source, decoded.Error!);
        }

        var document = new HtmlDocument { OptionMaxNestedChildNodes = 10_000 };
        try
        {
            document.LoadHtml(decoded.Text);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return new IngestError(source, $"cannot parse HTML ({ex.Message})");
        }

        var root = document.DocumentNode;
        var main = root.SelectSingleNode("//article") ?? root.SelectSingleNode("//main")
            ?? root.SelectSingleNode("//*[@role='main']") ?? root.SelectSingleNode("//body") ?? root;

        var title = Meta(root, "og:title") ?? InnerText(main.SelectSingleNode(".//h1")) ?? InnerText(root.SelectSingleNode("//title"));
        var body = new StringBuilder();
        AppendText(main, body, title);
        var text = TextLayout.ToParagraphs(body.ToString());
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IngestError(source, "no visible text in the page");
        }

        var article = new Article(id, source, text)
        {
            Title = title,
            DetectTitleInText = false,
            Date = DateFrom(root),
            Url = Meta(root, "og:url") ?? root.SelectSingleNode("//link[@rel='canonical']")?.GetAttributeValue("href", null!),
        };

        var lang = root.SelectSingleNode("//html")?.GetAttributeValue("lang", "");
        if (!string.IsNullOrWhiteSpace(lang))
        {
            article.Language = lang.Split('-', '_')[0].ToLowerInvariant();
        }

        var author = Meta(root, "author");
        if (author is not null)
        {
            article.Authors.Add(author);
        }

        if (decoded.Warning is not null)
        {
            article.Warnings.Add(decoded.Warning);
        }

        return new IngestedArticle(source, article);
    }

    /// <summary>UTF-8 unless a BOM or a meta charset says otherwise; invalid UTF-8 falls back to Windows-1252.</summary>
    private static DecodeResult DecodeHtml(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var charset = CharsetDeclaration().Match(head);
        if (charset.Success && !(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB))
        {
            try
            {
                var encoding = Encoding.GetEncoding(charset.Groups[1].Value);
                if (encoding.CodePage != Encoding.UTF8.CodePage)
                {
                    return TextDecoder.LooksBinary(bytes)
                        ? new DecodeResult(null, null, "binary data, not HTML")
                        : new DecodeResult(encoding.GetString(bytes), null, null);
                }
            }
            catch (ArgumentException)
            {
                // Unknown charset name: fall through to detection.
            }
        }

        var result = TextDecoder.Decode(bytes);
        return result.Text is null ? result with { Error = "binary data, not HTML" } : result;
    }

    private static void AppendText(HtmlNode node, StringBuilder output, string? title)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child.NodeType)
            {
                case HtmlNodeType.Text:
                    output.Append(WhiteSpace().Replace(WebUtility.HtmlDecode(child.InnerText), " "));
                    break;
                case HtmlNodeType.Element when Dropped.Contains(child.Name) || IsHidden(child):
                    break;
                case HtmlNodeType.Element when child.Name.Equals("h1", StringComparison.OrdinalIgnoreCase)
                                              && InnerText(child) == title:
                    // The title is metadata, not body.
                    break;
                case HtmlNodeType.Element:
                    var block = Blocks.Contains(child.Name);
                    if (block)
                    {
                        output.Append('\n');
                    }

                    AppendText(child, output, title);
                    if (block)
                    {
                        output.Append('\n');
                    }

                    break;
            }
        }
    }

    private static bool IsHidden(HtmlNode node) =>
        node.Attributes.Contains("hidden")
        || node.GetAttributeValue("aria-hidden", "") == "true"
        || node.GetAttributeValue("style", "").Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase);

    private static string? Meta(HtmlNode root, string name)
    {
        var node = root.SelectSingleNode($"//meta[@property='{name}' or @name='{name}']");
        var content = node?.GetAttributeValue("content", "");
        return string.IsNullOrWhiteSpace(content) ? null : WebUtility.HtmlDecode(content).Trim();
    }

    private static string? DateFrom(HtmlNode root)
    {
        var raw = Meta(root, "article:published_time") ?? Meta(root, "date")
            ?? root.SelectSingleNode("//time[@datetime]")?.GetAttributeValue("datetime", "");
        return string.IsNullOrWhiteSpace(raw) ? null : IsoDates.Normalize(raw);
    }

    private static string? InnerText(HtmlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var text = WhiteSpace().Replace(WebUtility.HtmlDecode(node.InnerText), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
