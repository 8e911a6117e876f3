using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Normalize.Core.Corpus;

/// <summary>
/// The corpus.jsonl record (SPEC's schema): fixed field order, every field present (empty arrays
/// where nothing), UTF-8 without needless escapes, so re-runs are byte-identical and diffs readable.
/// </summary>
public static class CorpusJson
{
    public static readonly JsonSerializerOptions SpanOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Serialize(Article article)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, article);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, Article article)
    {
        writer.WriteStartObject();
        writer.WriteString("id", article.Id);
        writer.WriteString("source", article.Source);
        WriteNullable(writer, "url", article.Url);
        WriteNullable(writer, "title", article.Title);
        WriteNullable(writer, "date", article.Date);
        WriteStrings(writer, "authors", article.Authors);
        writer.WriteString("language", article.Language);
        WriteNullable(writer, "translated_from", article.TranslatedFrom);
        writer.WriteString("page_type", article.PageType);
        WriteNullable(writer, "translator", article.Translator);
        if (article.Original is { } original)
        {
            writer.WriteStartObject("original");
            writer.WriteString("language", original.Language);
            WriteNullable(writer, "title", original.Title);
            writer.WriteString("text", original.Text);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("original");
        }

        // Paragraphs identified as another language than the article's (a quoted German paragraph, a Dutch leftover).
        writer.WriteStartArray("other_languages");
        for (var i = 0; i < article.ParagraphLanguages.Count; i++)
        {
            if (article.ParagraphLanguages[i] != article.Language)
            {
                writer.WriteStartObject();
                writer.WriteNumber("paragraph", i);
                writer.WriteString("language", article.ParagraphLanguages[i]);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteString("text", article.Text);
        writer.WriteStartArray("headings");
        foreach (var index in article.HeadingParagraphs)
        {
            writer.WriteNumberValue(index);
        }

        writer.WriteEndArray();
        WriteStrings(writer, "credits", article.Credits);

        writer.WriteStartArray("removed");
        foreach (var removal in article.Removed)
        {
            writer.WriteStartObject();
            writer.WriteString("text", removal.Text);
            writer.WriteString("reason", removal.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("changes");
        foreach (var change in article.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("stage", change.Stage);
            writer.WriteString("rule", change.Rule);
            writer.WriteString("before", change.Before);
            writer.WriteString("after", change.After);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("flags");
        foreach (var flag in article.Flags)
        {
            writer.WriteStartObject();
            writer.WriteString("sentence", flag.Sentence);
            writer.WriteString("reason", flag.Reason);
            writer.WriteNumber("score", Math.Round(flag.Score, 3));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WritePropertyName("entities");
        JsonSerializer.Serialize(writer, article.Entities, SpanOptions);
        writer.WritePropertyName("quantities");
        JsonSerializer.Serialize(writer, article.Quantities, SpanOptions);
        writer.WritePropertyName("dates");
        JsonSerializer.Serialize(writer, article.Dates, SpanOptions);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

/// <summary>The fields of a corpus record that the index and <c>show</c> need, read back from corpus.jsonl.</summary>
public sealed record CorpusRecord(string Id, string Source, string? Title, string? Date, string Language, string Text, string Json)
{
    public static CorpusRecord FromArticle(Article article) =>
        new(article.Id, article.Source, article.Title, article.Date, article.Language, article.Text, CorpusJson.Serialize(article));

    /// <summary>The "id" of a corpus line, read without parsing the rest (null when there is none).</summary>
    public static string? ReadId(string line)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(line));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static readonly string[] AuditFields = ["removed", "changes"];

    /// <summary>Parses one corpus line; null with a reason when it is not a record of ours.</summary>
    public static CorpusRecord? Parse(string line, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return null;
            }

            var repaired = false;
            string? Get(string name) => JsonStrings.Property(root, name, ref repaired);

            var id = Get("id");
            var text = Get("text");
            if (string.IsNullOrEmpty(id) || text is null)
            {
                error = "a corpus record needs \"id\" and \"text\"";
                return null;
            }

            // A scraper's record has id and text too; only a cleaned one carries the audit trail.
            if (!AuditFields.All(f => root.TryGetProperty(f, out var value) && value.ValueKind == JsonValueKind.Array))
            {
                error = $"not a corpus record (no {string.Join("/", AuditFields.Select(f => $"\"{f}\""))} arrays): "
                    + "clean it first with `normalize clean FILE --out DIR`";
                return null;
            }

            return new CorpusRecord(id, Get("source") ?? "", Get("title"), Get("date"), Get("language") ?? "und", text, line);
        }
        catch (JsonException ex)
        {
            error = "malformed JSON: " + ex.Message.Split(". ")[0];
            return null;
        }
    }
}
