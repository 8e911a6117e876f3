namespace Normalize.Core.Ingest;

/// <summary>What reading one input item gave: an article, or an error naming the input.</summary>
public abstract record IngestResult(string Input)
{
    /// <summary>Bytes of its file read when this item was produced (a JSONL record's; 0 when unknown), for progress.</summary>
    public long BytesRead { get; init; }
}

public sealed record IngestedArticle(string Input, Article Article) : IngestResult(Input);

public sealed record IngestError(string Input, string Reason) : IngestResult(Input)
{
    public override string ToString() => $"{Input}: {Reason}";
}

public sealed class IngestOptions
{
    /// <summary>Largest single file (or JSONL line) read as one article. Past it the item is refused.</summary>
    public long MaxArticleBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Standard input, when an input is "-".</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>Reads .html files and JSONL records that carry html (built from the user's html.yaml with --rules).</summary>
    public Html.HtmlExtractor HtmlExtractor { get; init; } = Html.HtmlExtractor.Default;

    /// <summary>Leave out pages that are not articles (listings, forums, product pages, documentation).</summary>
    public bool ArticlesOnly { get; init; }

    /// <summary>Told once per page left out by <see cref="ArticlesOnly"/>.</summary>
    public Action<string> ReportSkipped { get; init; } = _ => { };
}

/// <summary>
/// One item of an input, read but not yet decoded or parsed: <c>clean</c> takes units in input order on one
/// thread and lets its workers <see cref="Read"/> them (decoding, JSON parsing and HTML extraction are the
/// costly part of reading).
/// </summary>
public sealed class IngestUnit
{
    private readonly Func<IngestResult?> _read;

    public IngestUnit(string input, long bytesRead, Func<IngestResult?> read)
    {
        Input = input;
        BytesRead = bytesRead;
        _read = read;
    }

    /// <summary>A unit whose result is already known (an error found while reading).</summary>
    public IngestUnit(IngestResult result)
        : this(result.Input, result.BytesRead, () => result)
    {
    }

    public string Input { get; }

    /// <summary>Bytes of its file read when this unit was produced (a JSONL record's; 0 when unknown), for progress.</summary>
    public long BytesRead { get; }

    /// <summary>Decodes and parses the unit; null when it is left out (see <see cref="IngestOptions.ArticlesOnly"/>).</summary>
    public IngestResult? Read() => _read() is { } result ? result with { BytesRead = BytesRead } : null;
}
