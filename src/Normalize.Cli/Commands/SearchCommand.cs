using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Search;
using Spectre.Console;

namespace Normalize.Cli.Commands;

/// <summary>`normalize search QUERY`: ranked hits with snippets, or JSON for tools.</summary>
internal static class SearchCommand
{
    public static Command Create(CommandIO io)
    {
        var query = new Argument<string>("QUERY")
        {
            Description = "Lucene query syntax: words (all must match), \"phrases\", \"phrase\"~N, word~ (fuzzy), prefix*, AND/OR/NOT/-word, "
                + "(groups), field:value with fields title text source lang date author, ranges date:[2024-01-01 TO 2024-06-30]",
        };
        var index = CommonOptions.Index($"The index folder to search (default: ${CommonOptions.IndexEnvironmentVariable})");
        var limit = new Option<int>("--limit") { Description = "At most this many hits", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Skip this many hits first (paging)", DefaultValueFactory = _ => 0 };
        var sort = new Option<string>("--sort") { Description = "Order hits by relevance or date (newest first)", DefaultValueFactory = _ => "relevance", HelpName = "relevance|date" };
        sort.AcceptOnlyFromAmong("relevance", "date");
        var facets = new Option<bool>("--facets") { Description = "Also count all hits by source, language and month" };
        var exact = new Option<bool>("--exact") { Description = "Search names as written (no widening to their other spellings)" };
        var since = new Option<string?>("--since") { Description = "Only articles dated on or after this date (yyyy-MM-dd)", HelpName = "DATE" };
        var until = new Option<string?>("--until") { Description = "Only articles dated on or before this date (yyyy-MM-dd)", HelpName = "DATE" };
        var lang = new Option<string?>("--lang") { Description = "Only articles in this language (BCP-47, e.g. en, de)", HelpName = "L" };
        var source = new Option<string?>("--source") { Description = "Only articles whose source path or url contains this", HelpName = "TEXT" };
        var json = CommonOptions.Json("Print the hits as a JSON array (with --facets an object: total, hits, facets)");
        var command = new Command("search", CommonOptions.Describe("Search an index", "normalize search \"drone strike\" --index corpus/index.lucene --since 2024-01-01", "0 something matched, 1 nothing did, 2 usage or setup error (as grep and rg)"))
        {
            query, index, limit, offset, sort, facets, exact, since, until, lang, source, json,
        };
        command.SetAction(parse => Run(io, parse.GetValue(query)!, parse.GetValue(index),
            new SearchFilter(parse.GetValue(limit), parse.GetValue(since), parse.GetValue(until), parse.GetValue(lang), parse.GetValue(source))
            {
                Offset = parse.GetValue(offset),
                Sort = parse.GetValue(sort) == "date" ? SearchSort.Date : SearchSort.Relevance,
                Facets = parse.GetValue(facets),
            },
            parse.GetValue(exact), parse.GetValue(json)));
        return command;
    }

    private static int Run(CommandIO io, string query, string? indexOption, SearchFilter filter, bool exact, bool json)
    {
        if (filter.Limit < 1)
        {
            io.WriteError("--limit must be at least 1");
            return ExitCodes.Usage;
        }

        if (filter.Offset < 0)
        {
            io.WriteError("--offset must be 0 or more");
            return ExitCodes.Usage;
        }

        var since = filter.Since;
        var until = filter.Until;
        if (!TryDate(io, "--since", ref since) || !TryDate(io, "--until", ref until))
        {
            return ExitCodes.Usage;
        }

        filter = filter with { Since = since, Until = until };
        var indexPath = CommonOptions.ResolveIndexToRead(indexOption, io);
        if (indexPath is null)
        {
            return ExitCodes.Usage;
        }

        SearchResults results;
        try
        {
            SearchIndex.PrepareQueries();
            using var index = SearchIndex.Open(indexPath, create: false);
            var parsed = index.Parse(query, exact);
            if (parsed.Query is null)
            {
                io.WriteError(parsed.Error!);
                return ExitCodes.Usage;
            }

            results = index.Search(parsed.Query, filter);
        }
        catch (SearchIndexException ex)
        {
            io.WriteError(ex.Message);
            return ExitCodes.Usage;
        }

        var status = results.Total == 0 ? ExitCodes.NoMatch : ExitCodes.Success;
        if (json)
        {
            WriteJson(io, results);
            return status;
        }

        if (results.Total == 0)
        {
            io.Error.WriteLine($"no articles match {TerminalText.Escape(query)}");
            return status;
        }

        PrintHuman(io, results.Hits, filter.Offset);
        if (results.Hits.Count == 0)
        {
            io.Error.WriteLine($"{results.Total} articles match, none after --offset {filter.Offset}");
        }

        if (results.Facets is { } facets)
        {
            PrintFacets(io, results.Total, facets);
        }

        return status;
    }

    /// <summary>
    /// The hits as a JSON array, or with facets an object {total, hits, facets}. Written field by field:
    /// the reflection serializer compiles its converters at run time, some 60 ms of a short search.
    /// </summary>
    private static void WriteJson(CommandIO io, SearchResults results)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            if (results.Facets is { } facets)
            {
                writer.WriteStartObject();
                writer.WriteNumber("total", results.Total);
                writer.WritePropertyName("hits");
                WriteHits(writer, results.Hits);
                writer.WriteStartObject("facets");
                foreach (var (name, counts) in new[] { ("source", facets.Sources), ("language", facets.Languages), ("month", facets.Months) })
                {
                    writer.WriteStartObject(name);
                    foreach (var count in counts)
                    {
                        writer.WriteNumber(count.Value, count.Count);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            else
            {
                WriteHits(writer, results.Hits);
            }
        }

        io.Out.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteHits(Utf8JsonWriter writer, IReadOnlyList<SearchHit> hits)
    {
        writer.WriteStartArray();
        foreach (var hit in hits)
        {
            writer.WriteStartObject();
            writer.WriteString("id", hit.Id);
            writer.WriteString("title", hit.Title);
            writer.WriteString("date", hit.Date);
            writer.WriteNumber("score", hit.Score);
            writer.WriteString("snippet", hit.MarkedSnippet());
            writer.WriteString("source", hit.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void PrintFacets(CommandIO io, long total, SearchFacets facets)
    {
        io.Out.WriteLine();
        io.Out.WriteLine($"{total} articles match");
        foreach (var (name, counts) in new[] { ("source", facets.Sources), ("language", facets.Languages), ("month", facets.Months) })
        {
            io.Out.WriteLine($"  by {name}: " + string.Join(", ", counts.Select(c => $"{c.Value} {c.Count}")));
        }
    }

    private static void PrintHuman(CommandIO io, IReadOnlyList<SearchHit> hits, int offset)
    {
        if (!io.OutIsTerminal)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                var hit = hits[i];
                io.Out.WriteLine(TerminalText.Escape($"{offset + i + 1}. {hit.Title ?? "(untitled)"}  {hit.Date ?? "-"}  {hit.Id}  score {hit.Score.ToString("0.00", CultureInfo.InvariantCulture)}"));
                io.Out.WriteLine(TerminalText.Escape($"   {hit.MarkedSnippet()}"));
            }

            return;
        }

        var console = io.OutConsole();
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            console.MarkupLine($"[bold]{offset + i + 1}. {Markup.Escape(TerminalText.Escape(hit.Title ?? "(untitled)"))}[/]  [grey]{Markup.Escape(hit.Date ?? "-")}  {Markup.Escape(TerminalText.Escape(hit.Id))}[/]");
            var snippet = string.Concat(hit.Snippet.Select(p => p.Matched ? $"[yellow bold]{Markup.Escape(TerminalText.Escape(p.Text))}[/]" : Markup.Escape(TerminalText.Escape(p.Text))));
            console.MarkupLine("   " + snippet);
        }
    }

    private static bool TryDate(CommandIO io, string option, ref string? value)
    {
        if (value is null)
        {
            return true;
        }

        var iso = IsoDates.Normalize(value);
        if (iso is null || !DateOnly.TryParseExact(iso[..Math.Min(10, iso.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            io.WriteError($"{option} '{value}' is not a date (use yyyy-MM-dd)");
            return false;
        }

        value = iso[..10];
        return true;
    }
}
