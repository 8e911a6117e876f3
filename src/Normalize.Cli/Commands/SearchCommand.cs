using System.CommandLine;
using System.Globalization;
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
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Command Create(CommandIO io)
    {
        var query = new Argument<string>("QUERY")
        {
            Description = "Words (all must match), \"phrases\", OR, NOT or -word, prefix*, title:word, source:word, (groups)",
        };
        var index = CommonOptions.Index($"The index to search (default: ${CommonOptions.IndexEnvironmentVariable})");
        var limit = new Option<int>("--limit") { Description = "At most this many hits", DefaultValueFactory = _ => 10 };
        var since = new Option<string?>("--since") { Description = "Only articles dated on or after this date (yyyy-MM-dd)", HelpName = "DATE" };
        var until = new Option<string?>("--until") { Description = "Only articles dated on or before this date (yyyy-MM-dd)", HelpName = "DATE" };
        var lang = new Option<string?>("--lang") { Description = "Only articles in this language (BCP-47, e.g. en, de)", HelpName = "L" };
        var source = new Option<string?>("--source") { Description = "Only articles whose source path or url contains this", HelpName = "TEXT" };
        var json = CommonOptions.Json("Print the hits as a JSON array");
        var command = new Command("search", "Search an index") { query, index, limit, since, until, lang, source, json };
        command.SetAction(parse => Run(io, parse.GetValue(query)!, parse.GetValue(index), parse.GetValue(limit),
            parse.GetValue(since), parse.GetValue(until), parse.GetValue(lang), parse.GetValue(source), parse.GetValue(json)));
        return command;
    }

    private static int Run(CommandIO io, string query, string? indexOption, int limit, string? since, string? until,
        string? lang, string? source, bool json)
    {
        if (limit < 1)
        {
            io.WriteError("--limit must be at least 1");
            return ExitCodes.Usage;
        }

        if (!TryDate(io, "--since", ref since) || !TryDate(io, "--until", ref until))
        {
            return ExitCodes.Usage;
        }

        var parsed = QueryParser.Parse(query);
        if (parsed.FtsQuery is null)
        {
            io.WriteError(parsed.Error!);
            return ExitCodes.Usage;
        }

        var indexPath = CommonOptions.ResolveIndexToRead(indexOption, io);
        if (indexPath is null)
        {
            return ExitCodes.Usage;
        }

        IReadOnlyList<SearchHit> hits;
        try
        {
            using var index = SearchIndex.Open(indexPath, create: false);
            hits = index.Search(parsed.FtsQuery, new SearchFilter(limit, since, until, lang, source));
        }
        catch (SearchIndexException ex)
        {
            io.WriteError(ex.Message);
            return ExitCodes.Usage;
        }

        if (json)
        {
            var rows = hits.Select(h => new
            {
                id = h.Id,
                title = h.Title,
                date = h.Date,
                score = h.Score,
                snippet = h.MarkedSnippet(),
                source = h.Source,
            });
            io.Out.WriteLine(JsonSerializer.Serialize(rows, JsonOptions));
            return ExitCodes.Success;
        }

        if (hits.Count == 0)
        {
            io.Error.WriteLine($"no articles match {TerminalText.Escape(query)}");
            return ExitCodes.Success;
        }

        PrintHuman(io, hits);
        return ExitCodes.Success;
    }

    private static void PrintHuman(CommandIO io, IReadOnlyList<SearchHit> hits)
    {
        if (!io.OutIsTerminal)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                var hit = hits[i];
                io.Out.WriteLine(TerminalText.Escape($"{i + 1}. {hit.Title ?? "(untitled)"}  {hit.Date ?? "-"}  {hit.Id}  score {hit.Score.ToString("0.00", CultureInfo.InvariantCulture)}"));
                io.Out.WriteLine(TerminalText.Escape($"   {hit.MarkedSnippet()}"));
            }

            return;
        }

        var console = io.OutConsole();
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            console.MarkupLine($"[bold]{i + 1}. {Markup.Escape(hit.Title ?? "(untitled)")}[/]  [grey]{Markup.Escape(hit.Date ?? "-")}  {Markup.Escape(hit.Id)}[/]");
            var snippet = string.Concat(hit.Snippet.Select(p => p.Matched ? $"[yellow bold]{Markup.Escape(p.Text)}[/]" : Markup.Escape(p.Text)));
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
