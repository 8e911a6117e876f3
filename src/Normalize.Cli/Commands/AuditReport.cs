using System.Text.Json;
using Normalize.Core;

namespace Normalize.Cli.Commands;

/// <summary>A corpus record for people: metadata, the text, then what was removed, changed and flagged.</summary>
internal static class AuditReport
{
    public static void Write(TextWriter output, JsonElement record)
    {
        output.WriteLine($"# {String(record, "title") ?? "(untitled)"}");
        output.WriteLine($"id: {String(record, "id")}   date: {String(record, "date") ?? "-"}   language: {String(record, "language")}   source: {String(record, "source")}");
        foreach (var field in new[] { "authors", "credits" })
        {
            var values = Strings(record, field).ToList();
            if (values.Count > 0)
            {
                output.WriteLine($"{field}: {string.Join("; ", values)}");
            }
        }

        output.WriteLine();
        output.WriteLine(String(record, "text"));
        Section(output, record, "removed", r => $"- [{String(r, "reason")}] {String(r, "text")}");
        Section(output, record, "changes", c => $"~ {String(c, "stage")}/{String(c, "rule")}: {Quote(String(c, "before"))} → {Quote(String(c, "after"))}");
        Section(output, record, "flags", f => $"! [{String(f, "reason")}] {String(f, "sentence")}");
    }

    private static void Section(TextWriter output, JsonElement record, string name, Func<JsonElement, string> line)
    {
        if (!record.TryGetProperty(name, out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"## {name} ({items.GetArrayLength()})");
        foreach (var item in items.EnumerateArray())
        {
            output.WriteLine(line(item));
        }
    }

    private static string Quote(string? text) => $"\"{text}\"";

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? JsonStrings.Read(value, out _) : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => JsonStrings.Read(v, out _)!)
            : [];
}
