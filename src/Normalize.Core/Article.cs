namespace Normalize.Core;

/// <summary>
/// The one record that flows through the pipeline. Stages read and write this record only;
/// every edit to <see cref="Text"/> goes through <see cref="TextEdits"/> so it is logged and
/// span offsets stay valid.
/// </summary>
public sealed partial class Article
{
    public Article(string id, string source, string text)
    {
        // The id names files and is printed: no control characters in it, whatever the input said.
        Id = TerminalText.StripControls(id, out _);
        Source = source;
        Text = text;
    }

    /// <summary>Stable id: file name without extension, the record's id, or a hash of its url.</summary>
    public string Id { get; }

    /// <summary>Input path (or path:line for JSONL) or url.</summary>
    public string Source { get; }

    public string? Url { get; set; }
    public string? Title { get; set; }

    /// <summary>
    /// A headline that ingest found outside the body (the scraper's " date … Headline" header);
    /// the boilerplate stage decides whether it is the title or site chrome such as a breadcrumb.
    /// </summary>
    public string? HeadlineCandidate { get; set; }

    /// <summary>
    /// Whether the boilerplate stage may take a headline from the top of the body. False when the
    /// source said what the title is (a JSONL record, an HTML page's metadata).
    /// </summary>
    public bool DetectTitleInText { get; set; } = true;

    /// <summary>ISO 8601: yyyy-MM-dd, or yyyy-MM-ddTHH:mm:ss when the time is known.</summary>
    public string? Date { get; set; }

    public List<string> Authors { get; } = [];

    /// <summary>Agency credits and contributor lines taken out of the text ("erpe/AFP").</summary>
    public List<string> Credits { get; } = [];

    /// <summary>BCP-47 code of the text as it came in.</summary>
    public string Language { get; set; } = "en";

    public string? TranslatedFrom { get; set; }

    /// <summary>The backend and version that translated the article ("apertium 3.8.3 spa-eng"), or null.</summary>
    public string? Translator { get; set; }

    /// <summary>The article as it was before the translate stage replaced it with English, or null.</summary>
    public OriginalText? Original { get; set; }

    /// <summary>Body text: paragraphs separated by a blank line; the title is not repeated in it.</summary>
    public string Text { get; internal set; }

    /// <summary>Raw HTML when the input was a page; the extractor turns it into <see cref="Text"/>.</summary>
    public string? Html { get; set; }

    /// <summary>Index of the paragraphs that are headings (subheadings kept as content).</summary>
    public SortedSet<int> HeadingParagraphs { get; } = [];

    public List<Removal> Removed { get; } = [];
    public List<Change> Changes { get; } = [];
    public List<Flag> Flags { get; } = [];
    public List<EntitySpan> Entities { get; } = [];
    public List<QuantitySpan> Quantities { get; } = [];
    public List<DateSpan> Dates { get; } = [];

    /// <summary>Non-fatal problems met while reading or cleaning this article (shown on stderr).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The paragraphs of <see cref="Text"/>.</summary>
    public IReadOnlyList<string> Paragraphs =>
        Text.Length == 0 ? [] : Text.Split("\n\n");
}

/// <summary>What a translated article said in its own language: nothing is lost by translating.</summary>
public sealed record OriginalText(string Language, string? Title, string Text);

public sealed record Removal(string Text, string Reason);

public sealed record Change(string Stage, string Rule, string Before, string After);

public sealed record Flag(string Sentence, string Reason, double Score);

/// <summary>Anything with offsets into <see cref="Article.Text"/> (UTF-16, end exclusive).</summary>
public interface ISpan
{
    int Start { get; set; }
    int End { get; set; }
}

public sealed partial class EntitySpan : ISpan
{
    public required string Text { get; set; }
    public required string Canonical { get; set; }
    public required string Type { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

public sealed partial class QuantitySpan : ISpan
{
    public required string Text { get; set; }
    public string? Family { get; set; }
    public decimal? Value { get; set; }
    public string? Unit { get; set; }
    public string? Qualifier { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

public sealed partial class DateSpan : ISpan
{
    public required string Text { get; set; }
    public required string Iso { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}
