using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Normalize.Core.Ingest;

/// <summary>
/// Turns command-line inputs (files, directories, "-") into articles, one at a time, so memory
/// stays bounded whatever the size of the batch. A bad item yields an <see cref="IngestError"/>
/// and the enumeration goes on.
/// </summary>
public sealed partial class InputReader
{
    public const string StandardInputName = "-";

    private readonly IngestOptions _options;

    public InputReader(IngestOptions? options = null) => _options = options ?? new IngestOptions();

    /// <summary>
    /// The files behind the inputs (directories recursively, sorted ordinally), or errors for missing
    /// paths and unreadable directories. A file or directory given twice is read once, and a directory
    /// link back into a directory already read is skipped; <paramref name="warn"/> hears of both.
    /// </summary>
    public static IEnumerable<(string Path, string? Error)> ExpandInputs(
        IEnumerable<string> inputs, Action<string>? warn = null, CancellationToken cancellation = default)
    {
        var walker = new DirectoryWalker(warn, cancellation);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            cancellation.ThrowIfCancellationRequested();
            if (input == StandardInputName)
            {
                yield return (input, null);
            }
            else if (Directory.Exists(input))
            {
                // Ordinal order of the whole path, as the batch has always been read.
                foreach (var (file, error) in walker.Walk(input).OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    if (error is not null || IsArticleFile(file) && FirstTime(file, files, warn))
                    {
                        yield return (file, error);
                    }
                }
            }
            else if (File.Exists(input) || IsBrokenLink(input))
            {
                if (FirstTime(input, files, warn))
                {
                    yield return (input, null);
                }
            }
            else
            {
                yield return (input, "no such file or directory");
            }
        }
    }

    private static bool FirstTime(string file, HashSet<string> seen, Action<string>? warn)
    {
        if (seen.Add(Path.GetFullPath(file)))
        {
            return true;
        }

        warn?.Invoke($"{file}: given more than once; read once");
        return false;
    }

    /// <summary>Reads every input; see <see cref="ExpandInputs"/>.</summary>
    public IEnumerable<IngestResult> Read(IEnumerable<string> inputs)
    {
        foreach (var (path, error) in ExpandInputs(inputs))
        {
            if (error is not null)
            {
                yield return new IngestError(path, error);
                continue;
            }

            foreach (var result in ReadFile(path))
            {
                yield return result;
            }
        }
    }

    /// <summary>Reads one file (or stdin for "-"): a .jsonl file gives one result per line.</summary>
    public IEnumerable<IngestResult> ReadFile(string path) => ReadFile(path, path);

    /// <summary>Reads <paramref name="contentPath"/> as if it were <paramref name="path"/> (a copy of a pipe's bytes).</summary>
    public IEnumerable<IngestResult> ReadFile(string path, string contentPath) =>
        ReadUnits(path, contentPath).Select(unit => unit.Read()).OfType<IngestResult>();

    /// <summary>
    /// The items of one file as units to be read on any thread: a JSONL file gives one unit per line (the line
    /// is read here, parsed by <see cref="IngestUnit.Read"/>), a text or HTML file one unit (read and decoded by
    /// <see cref="IngestUnit.Read"/>). With <paramref name="textOnly"/> the items that hold HTML are left out
    /// unread (the repeated-line pass counts the lines of text articles only).
    /// </summary>
    public IEnumerable<IngestUnit> ReadUnits(string path, string contentPath, bool textOnly = false)
    {
        if (path == StandardInputName)
        {
            return ReadStandardInput(textOnly);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".jsonl" || extension == ".ndjson")
        {
            return ReadJsonl(path, contentPath, textOnly);
        }

        return textOnly && extension is ".html" or ".htm" ? [] : [new IngestUnit(path, 0, () => Keep(ReadDocument(path, contentPath, extension)))];
    }

    private IngestResult? Keep(IngestResult result) => !_options.ArticlesOnly || KeepArticle(result) ? result : null;

    private readonly HashSet<string> _skipReported = new(StringComparer.Ordinal);

    /// <summary>With --articles-only, a page that is not an article is left out with one warning (once, though the batch may be read twice).</summary>
    private bool KeepArticle(IngestResult result)
    {
        if (result is not IngestedArticle { Article.PageType: var type } || type == Html.PageTypes.Article)
        {
            return true;
        }

        lock (_skipReported)
        {
            if (_skipReported.Add(result.Input))
            {
                _options.ReportSkipped($"{result.Input}: skipped, not an article (page type {type}; --articles-only)");
            }
        }

        return false;
    }

    internal static string IdFromPath(string path) => Path.GetFileNameWithoutExtension(path);

    private static bool IsArticleFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".text" or ".html" or ".htm" or ".jsonl" or ".ndjson";

    private static bool IsBrokenLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private IngestResult ReadDocument(string path, string contentPath, string extension)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(contentPath);
            if (info.Length > _options.MaxArticleBytes)
            {
                return new IngestError(path,
                    $"file is {FormatBytes(info.Length)}, over the {FormatBytes(_options.MaxArticleBytes)} limit for one article");
            }

            bytes = File.ReadAllBytes(contentPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new IngestError(path, "cannot read: " + DescribeIoError(ex));
        }

        var kind = extension is ".html" or ".htm" ? DocumentKind.Html : DocumentKind.Text;
        return FromBytes(path, IdFromPath(path), bytes, kind);
    }

    private IngestResult FromBytes(string source, string id, byte[] bytes, DocumentKind kind)
    {
        if (bytes.Length == 0)
        {
            return new IngestError(source, "empty file");
        }

        if (kind == DocumentKind.Html)
        {
            return HtmlArticleReader.Read(source, id, bytes, _options.HtmlExtractor);
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return new IngestError(source, decoded.Error!);
        }

        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            return new IngestError(source, "no text (only whitespace)");
        }

        var article = FromPlainText(id, source, decoded.Text);
        if (decoded.Warning is not null)
        {
            article.Warnings.Add(decoded.Warning);
        }

        return new IngestedArticle(source, article);
    }

    /// <summary>
    /// A plain-text article. The scraper's header form " date 2023-12-23 Headline" on the first
    /// line is metadata: the date, and the rest of the line as the headline candidate.
    /// </summary>
    public static Article FromPlainText(string id, string source, string text)
    {
        string? date = null;
        string? headline = null;
        var match = SeedHeader().Match(text);
        if (match.Success)
        {
            date = match.Groups["date"].Value;
            headline = match.Groups["rest"].Value.Trim();
            text = text[match.Length..];
        }

        var article = new Article(id, source, TextLayout.ToParagraphs(text)) { Date = date };
        if (!string.IsNullOrEmpty(headline))
        {
            // The boilerplate stage decides whether this is the title or site chrome (a breadcrumb).
            article.HeadlineCandidate = headline;
        }

        return article;
    }

    /// <summary>
    /// Standard input: JSONL when it starts with '{' (streamed line by line, so a large pipe does
    /// not fill memory), else one text or HTML article within the size limit.
    /// </summary>
    private IEnumerable<IngestUnit> ReadStandardInput(bool textOnly)
    {
        const string name = "<stdin>";
        var stdin = _options.OpenStandardInput();
        var head = new byte[64 * 1024];
        var headLength = ReadUpTo(stdin, head);
        var firstNonSpace = head.Take(headLength)
            .SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).FirstOrDefault();
        var whole = new PrefixedStream(head.AsMemory(0, headLength), stdin);
        if (firstNonSpace == (byte)'{')
        {
            return ReadJsonlLines(name, new StreamReader(whole, Encoding.UTF8), textOnly);
        }

        using (whole)
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int read;
            while ((read = whole.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > _options.MaxArticleBytes)
                {
                    return [new IngestUnit(new IngestError(name, $"input is over the {FormatBytes(_options.MaxArticleBytes)} limit for one article"))];
                }
            }

            var kind = firstNonSpace == (byte)'<' ? DocumentKind.Html : DocumentKind.Text;
            if (textOnly && kind == DocumentKind.Html)
            {
                return [];
            }

            var bytes = buffer.ToArray();
            return [new IngestUnit(name, 0, () => Keep(FromBytes(name, "stdin", bytes, kind)))];
        }
    }

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total;
    }

    private IEnumerable<IngestUnit> ReadJsonl(string path, string contentPath, bool textOnly)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(contentPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new IngestUnit(new IngestError(path, "cannot read: " + DescribeIoError(ex)))];
        }

        return ReadJsonlLines(path, reader, textOnly);
    }

    private IEnumerable<IngestUnit> ReadJsonlLines(string path, StreamReader reader, bool textOnly)
    {
        using (reader)
        {
            var lineNumber = 0;
            var any = false;
            while (true)
            {
                string? line;
                string? readError = null;
                try
                {
                    line = reader.ReadLine();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Reading fails lazily for unreadable files: report once and stop this file.
                    line = null;
                    readError = DescribeIoError(ex);
                }

                if (readError is not null)
                {
                    any = true;
                    yield return new IngestUnit(new IngestError(path, "cannot read: " + readError));
                }

                if (line is null)
                {
                    break;
                }

                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                any = true;
                var where = $"{path}:{lineNumber}";
                if (line.Length > _options.MaxArticleBytes)
                {
                    yield return new IngestUnit(new IngestError(where, "record is over the size limit for one article"));
                    continue;
                }

                // The stream's position is past the reader's buffer: close enough for a percentage.
                var bytesRead = reader.BaseStream.CanSeek ? reader.BaseStream.Position : 0;
                var stem = Path.GetFileNameWithoutExtension(path);
                var number = lineNumber;
                yield return new IngestUnit(where, bytesRead, () => textOnly
                    ? JsonlRecord.ParseText(where, stem, number, line)
                    : Keep(JsonlRecord.Parse(where, stem, number, line, _options.HtmlExtractor)));
            }

            if (!any)
            {
                yield return new IngestUnit(new IngestError(path, "empty file (no JSONL records)"));
            }
        }
    }

    internal static string HashId(string value)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static string DescribeIoError(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException => "file not found (broken link?)",
        DirectoryNotFoundException => "directory not found",
        _ => ex.Message,
    };

    private static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024.0):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    [GeneratedRegex(@"\A\uFEFF?[ \t]*date[ \t]+(?<date>\d{4}-\d{2}-\d{2})(?:[ \t]+(?<rest>[^\r\n]*))?", RegexOptions.CultureInvariant)]
    private static partial Regex SeedHeader();

    private enum DocumentKind
    {
        Text,
        Html,
    }
}
