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
