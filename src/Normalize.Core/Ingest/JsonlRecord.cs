using System.Text.Json;

namespace Normalize.Core.Ingest;

/// <summary>
/// One JSONL line: <c>{"id"?, "url"?, "html"? | "text"?, "lang"?, "title"?, "date"?}</c>.
/// A record's text is all body; its title comes from "title" only.
/// </summary>
public static class JsonlRecord
{
    public static IngestResult Parse(string where, string fileStem, int lineNumber, string line, Html.HtmlExtractor? extractor = null) =>
        Parse(where, fileStem, lineNumber, line, extractor, textOnly: false)!;

    /// <summary>Like <see cref="Parse(string, string, int, string, Html.HtmlExtractor?)"/>, but a record that holds HTML instead of text is left out (null), not extracted.</summary>
    public static IngestResult? ParseText(string where, string fileStem, int lineNumber, string line) =>
        Parse(where, fileStem, lineNumber, line, null, textOnly: true);

    private static IngestResult? Parse(string where, string fileStem, int lineNumber, string line, Html.HtmlExtractor? extractor, bool textOnly)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return new IngestError(where, $"malformed JSON ({FirstSentence(ex.Message)})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new IngestError(where, $"a record must be a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            var repaired = false;
            var text = JsonStrings.Property(root, "text", ref repaired);
            var html = JsonStrings.Property(root, "html", ref repaired);
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            {
                return new IngestError(where, "record has neither \"text\" nor \"html\"");
            }

            var url = JsonStrings.Property(root, "url", ref repaired);
            var id = GetId(root, ref repaired) ?? (url is not null ? InputReader.HashId(url) : $"{fileStem}-{lineNumber}");
            var source = url ?? where;

            Article article;
            if (!string.IsNullOrWhiteSpace(text))
            {
                article = new Article(id, source, TextLayout.ToParagraphs(text));
            }
            else if (textOnly)
            {
                return null;
            }
            else
            {
                var result = HtmlArticleReader.Read(source, id, html!, extractor ?? Html.HtmlExtractor.Default);
                if (result is not IngestedArticle fromHtml)
                {
                    return result with { Input = where };
                }

                article = fromHtml.Article;
            }

            article.Url = url ?? article.Url;
            article.DetectTitleInText = false;
            var title = JsonStrings.Property(root, "title", ref repaired);
            if (!string.IsNullOrWhiteSpace(title))
            {
                article.Title = title.Trim();
            }

            var lang = JsonStrings.Property(root, "lang", ref repaired);
            if (!string.IsNullOrWhiteSpace(lang))
            {
                article.Language = lang.Trim();
                article.DeclaredLanguage = article.Language;
            }

            var date = JsonStrings.Property(root, "date", ref repaired) is { } rawDate ? TerminalText.StripControls(rawDate, out _) : null;
            if (!string.IsNullOrWhiteSpace(date))
            {
                var iso = IsoDates.Normalize(date);
                if (iso is null)
                {
                    article.Warnings.Add($"date \"{date}\" is not a date I can read; left empty");
                }

                article.Date = iso ?? article.Date;
            }

            if (repaired)
            {
                article.Warnings.Add("lone surrogate escapes (\\ud800…) that are not text; replaced with U+FFFD");
            }

            return new IngestedArticle(where, article);
        }
    }

    private static string? GetId(JsonElement root, ref bool repaired)
    {
        if (!root.TryGetProperty("id", out var id))
        {
            return null;
        }

        var text = JsonStrings.Property(root, "id", ref repaired);
        return id.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(text) => text.Trim(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
