namespace Normalize.Core.Boilerplate;

/// <summary>
/// Short paragraphs that recur across many articles of the same site in one batch ("Subscribe to our
/// Telegram channel", a site's slogan): chrome no phrase rule knows. Built by `clean` in a first pass
/// over its inputs, frozen, then read by the boilerplate stage. A line counts once per article; it is
/// chrome when at least <see cref="RepeatedLineSettings.MinArticles"/> articles and
/// <see cref="RepeatedLineSettings.MinShare"/> of the site's articles carry it.
/// </summary>
public sealed class RepeatedLines
{
    private readonly RepeatedLineSettings _settings;
    private readonly Dictionary<string, int> _articlesPerSite = new(StringComparer.Ordinal);
    // Lines are kept as 64-bit hashes: a batch of 100,000 articles holds a million short lines.
    private readonly Dictionary<(string Site, ulong Line), int> _articlesPerLine = [];
    private HashSet<(string Site, ulong Line)>? _repeated;

    public RepeatedLines(RepeatedLineSettings settings) => _settings = settings;

    /// <summary>The site an article belongs to: its URL's host, else the folder (or JSONL file) it was read from.</summary>
    public static string SiteOf(Article article)
    {
        if (article.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..].ToLowerInvariant() : uri.Host.ToLowerInvariant();
        }

        var colon = article.Source.LastIndexOf(':'); // "file.jsonl:12"
        var source = colon > 1 && article.Source[(colon + 1)..].All(char.IsAsciiDigit) ? article.Source[..colon] : article.Source;
        return source.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? source : Path.GetDirectoryName(source) ?? "";
    }

    /// <summary>Counts the short paragraphs of one article (before any cleaning).</summary>
    public void Add(Article article)
    {
        if (_repeated is not null)
        {
            throw new InvalidOperationException("the repeated lines are frozen");
        }

        var site = SiteOf(article);
        _articlesPerSite[site] = _articlesPerSite.GetValueOrDefault(site) + 1;
        var seen = new HashSet<ulong>();
        foreach (var paragraph in article.Paragraphs)
        {
            if (Key(paragraph) is { } line && seen.Add(line))
            {
                _articlesPerLine[(site, line)] = _articlesPerLine.GetValueOrDefault((site, line)) + 1;
            }
        }
    }

    /// <summary>
    /// Adds the counts of <paramref name="part"/>, a counter of other articles of the same batch (a batch is
    /// counted in parts on several threads; counts add up in any order, so the outcome is the same).
    /// </summary>
    public void Merge(RepeatedLines part)
    {
        if (_repeated is not null || part._repeated is not null)
        {
            throw new InvalidOperationException("the repeated lines are frozen");
        }

        foreach (var (site, count) in part._articlesPerSite)
        {
            _articlesPerSite[site] = _articlesPerSite.GetValueOrDefault(site) + count;
        }

        foreach (var (key, count) in part._articlesPerLine)
        {
            _articlesPerLine[key] = _articlesPerLine.GetValueOrDefault(key) + count;
        }
    }

    /// <summary>Decides which lines are repeated; no article can be added afterwards.</summary>
    public RepeatedLines Freeze()
    {
        _repeated = [];
        foreach (var ((site, line), count) in _articlesPerLine)
        {
            if (count >= _settings.MinArticles && count >= _settings.MinShare * _articlesPerSite[site])
            {
                _repeated.Add((site, line));
            }
        }

        _articlesPerLine.Clear();
        return this;
    }

    public int Count => _repeated?.Count ?? 0;

    public bool IsRepeated(string site, string paragraph) =>
        _repeated is null ? throw new InvalidOperationException("freeze the repeated lines first")
        : Key(paragraph) is { } line && _repeated.Contains((site, line));

    /// <summary>
    /// FNV-1a (64 bits) of the paragraph with spaces collapsed and letters lower-cased; null for paragraphs
    /// too long to be chrome.
    /// </summary>
    private ulong? Key(string paragraph)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        var words = 0;
        var inWord = false;
        foreach (var c in paragraph)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
                continue;
            }

            if (!inWord)
            {
                if (++words > _settings.MaxWords)
                {
                    return null;
                }

                if (words > 1)
                {
                    hash = (hash ^ ' ') * prime;
                }

                inWord = true;
            }

            hash = (hash ^ char.ToLowerInvariant(c)) * prime;
        }

        return words == 0 ? null : hash;
    }
}

/// <summary>The thresholds of <see cref="RepeatedLines"/> (boilerplate.yaml, repeated_lines).</summary>
public sealed class RepeatedLineSettings
{
    /// <summary>Fewest articles of one site that must carry the line.</summary>
    public int MinArticles { get; set; } = 3;

    /// <summary>Least share of the site's articles that must carry the line.</summary>
    public double MinShare { get; set; } = 0.5;

    /// <summary>Longest paragraph, in words, that can be repeated chrome (longer ones are prose, even when repeated).</summary>
    public int MaxWords { get; set; } = 40;
}
