using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Normalize.Core;
using Normalize.Core.Corpus;
using Normalize.Core.Names;
using Normalize.Core.Units;

namespace Normalize.Cli.Commands;

/// <summary>
/// `normalize annotate [TEXT]`: the names, quantities and dates of each input line, one JSON line per
/// input line, offsets into that line. Reads TEXT, --file, or stdin; with --jsonl each line is an object
/// with `input` and an optional `reference_datetime` (the schema of the normalization bench files).
/// </summary>
internal static class AnnotateCommand
{
    public static Command Create(CommandIO io)
    {
        var text = new Argument<string?>("TEXT") { Description = "Text to annotate (default: --file, else stdin)", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the lines of this file", HelpName = "FILE" };
        var jsonl = new Option<bool>("--jsonl") { Description = "Each line is a JSON object with \"input\" and optional \"reference_datetime\" and \"id\"" };
        var date = new Option<string?>("--date") { Description = "Reference date for partial and relative dates (yyyy-MM-dd)", HelpName = "DATE" };
        var lang = new Option<string?>("--lang") { Description = "Language the text was written or translated from (BCP-47): decides \"1,5\" and day/month order", HelpName = "L" };
        var conventions = new Option<string?>("--conventions")
        {
            Description = "Reading conventions: news (default: how articles are read), or a peer test suite's: duckling, recognizers-text, quantulum3",
            HelpName = "NAME",
        };
        conventions.AcceptOnlyFromAmong([.. AnnotationConventions.Names, "rt"]);
        var command = new Command("annotate", CommonOptions.Describe("Print the names, numbers, quantities and dates of text as JSON lines", "normalize annotate \"The ministry spent $3.5 million on 12 May.\"", "0 all lines annotated, 1 some lines failed, 2 usage error")) { text, file, jsonl, date, lang, conventions };
        command.SetAction(parse => Run(io, parse.GetValue(text), parse.GetValue(file), parse.GetValue(jsonl), parse.GetValue(date), parse.GetValue(lang),
            parse.GetValue(conventions) ?? AnnotationConventions.News));
        return command;
    }

    private static int Run(CommandIO io, string? text, string? file, bool jsonl, string? date, string? lang, string conventions)
    {
        if (text is not null && file is not null)
        {
            io.WriteError("give either TEXT or --file, not both");
            return ExitCodes.Usage;
        }

        DateTime? reference = null;
        if (date is not null)
        {
            reference = AnnotationContext.ParseReference(date.Length == 10 ? date + "T00:00:00" : date);
            if (reference is null)
            {
                io.WriteError($"--date {TerminalText.Quote(date)} is not a date (yyyy-MM-dd, years 2-9998)");
                return ExitCodes.Usage;
            }
        }

        TextReader reader;
        try
        {
            reader = text is not null ? new StringReader(text)
                : file is not null ? new StreamReader(file)
                : new StreamReader(io.OpenStdin());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            io.WriteError($"{file}: cannot read: {ex.Message}");
            return ExitCodes.Usage;
        }

        var article = new Article("annotate", "annotate", "") { TranslatedFrom = lang };
        var baseContext = AnnotationConventions.Apply(AnnotationContext.For(article) with { Reference = reference }, conventions);
        var names = new NamesStage();
        var failed = 0;
        var lineNumber = 0;
        using (reader)
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                var output = new JsonObject();
                var input = line;
                var context = baseContext;
                if (jsonl)
                {
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    if (!TryReadJsonLine(line, out var id, out var jsonInput, out var jsonReference, out var error))
                    {
                        io.WriteError($"line {lineNumber}: {error}");
                        failed++;
                        continue;
                    }

                    input = jsonInput!;
                    if (id is not null)
                    {
                        output["id"] = id;
                    }

                    if (jsonReference is not null)
                    {
                        var parsed = AnnotationContext.ParseReference(jsonReference);
                        if (parsed is null)
                        {
                            io.WriteError($"line {lineNumber}: \"reference_datetime\" {TerminalText.Quote(jsonReference)} is not a date-time this reads (ISO 8601, years 2-9998)");
                            failed++;
                            continue;
                        }

                        context = context with { Reference = parsed };
                    }
                }

                try
                {
                    Annotate(names, input, context, output);
                }
                catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
                {
                    // A recogniser's bug costs this line, not the rest of the input.
                    io.WriteError($"line {lineNumber}: cannot annotate ({ex.GetType().Name}: {ex.Message})");
                    failed++;
                    continue;
                }

                io.Out.WriteLine(output.ToJsonString(CorpusJson.SpanOptions));
            }
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static void Annotate(NamesStage names, string input, AnnotationContext context, JsonObject output)
    {
        var entities = names.Find(input).Select(m => new EntitySpan
        {
            Text = input.Substring(m.Start, m.Length),
            Canonical = m.Alias.Entity.Canonical,
            Type = m.Alias.Entity.Type,
            Id = m.Alias.Entity.Id,
            Start = m.Start,
            End = m.Start + m.Length,
            Linked = NamesStage.IsLinked(input.Substring(m.Start, m.Length), m.Alias.Entity),
            MetonymOf = m.Alias.Entity.MetonymOf,
        }).ToList();
        var annotation = Annotator.Default.Annotate(input, context);
        output["entities"] = JsonSerializer.SerializeToNode(entities, CorpusJson.SpanOptions);
        output["quantities"] = JsonSerializer.SerializeToNode(annotation.Quantities, CorpusJson.SpanOptions);
        output["dates"] = JsonSerializer.SerializeToNode(annotation.Dates, CorpusJson.SpanOptions);
    }

    private static bool TryReadJsonLine(string line, out string? id, out string? input, out string? reference, out string? error)
    {
        id = input = reference = error = null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("input", out var inputElement) || inputElement.ValueKind != JsonValueKind.String)
            {
                error = "expected an object with a string \"input\"";
                return false;
            }

            input = JsonStrings.Read(inputElement, out _);
            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
            {
                id = JsonStrings.Read(idElement, out _);
            }

            if (root.TryGetProperty("reference_datetime", out var referenceElement) && referenceElement.ValueKind == JsonValueKind.String)
            {
                reference = JsonStrings.Read(referenceElement, out _);
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = $"malformed JSON ({ex.Message})";
            return false;
        }
    }
}
