using System.Text.Json;

namespace Normalize.Core.Ingest;

/// <summary>
/// One JSONL line: <c>{"id"?, "url"?, "html"? | "text"?, "lang"?, "title"?, "date"?}</c>.
/// A record's text is all body; its title comes from "title" only.
/// </summary>
public static class JsonlRecord
{
    public static IngestResult Parse(string where, string fileStem, int lineNumber, string line, Html.HtmlExtractor? extractor = null)
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

            var text = GetString(root, "text");
            var html = GetString(root, "html");
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            {
                return new IngestError(where, "record has neither \"text\" nor \"html\"");
            }

            var url = GetString(root, "url");
            var id = GetId(root) ?? (url is not null ? InputReader.HashId(url) : $"{fileStem}-{lineNumber}");
            var source = url ?? where;

            Article article;
            if (!string.IsNullOrWhiteSpace(text))
            {
                article = new Article(id, source, TextLayout.ToParagraphs(text));
            }
            else
            {
                var result = HtmlArticleReader.Read(source, id, System.Text.Encoding.UTF8.GetBytes(html!), extractor ?? Html.HtmlExtractor.Default);
                if (result is not IngestedArticle fromHtml)
                {
                    return result with { Input = where };
                }

                article = fromHtml.Article;
            }

            article.Url = url ?? article.Url;
            article.DetectTitleInText = false;
            var title = GetString(root, "title");
            if (!string.IsNullOrWhiteSpace(title))
            {
                article.Title = title.Trim();
            }

            var lang = GetString(root, "lang");
            if (!string.IsNullOrWhiteSpace(lang))
            {
                article.Language = lang.Trim();
                article.DeclaredLanguage = article.Language;
            }

            var date = GetString(root, "date");
            if (!string.IsNullOrWhiteSpace(date))
            {
                var iso = IsoDates.Normalize(date);
                if (iso is null)
                {
                    article.Warnings.Add($"date \"{date}\" is not a date I can read; left empty");
                }

                article.Date = iso ?? article.Date;
            }

            return new IngestedArticle(where, article);
        }
    }

    private static string? GetId(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(id.GetString()) => id.GetString()!.Trim(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
