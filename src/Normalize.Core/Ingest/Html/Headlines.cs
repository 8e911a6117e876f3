namespace Normalize.Core.Ingest.Html;

/// <summary>
/// Which of a page's titles is the article's headline. The visible &lt;h1&gt; is what a reader sees as the headline;
/// &lt;title&gt;, og:title and the JSON-LD headline are often a search-engine variant with the site name around it.
/// An h1 is the headline when it is not the site's name (a logo h1) and shares words with those titles; without such
/// an h1 the first of the titles, with the site name taken off, is.
/// </summary>
internal static class Headlines
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " : ", " • ", " ~ "];

    private const int MaxSiteNameWords = 5;

    /// <summary>Share (by characters) of an h1's words found in one of the titles for the h1 to count as the headline.</summary>
    private const double MinAgreement = 0.15;

    private const double MinAgreementAmongSeveral = 0.5;

    /// <summary>The chosen headline and the index of the h1 it came from (-1 when it came from the titles).</summary>
    public static (string? Title, int Heading) Choose(IReadOnlyList<string> headings, IReadOnlyList<string> titles, IReadOnlyList<string> siteNames)
    {
        var stripped = titles.Select(t => StripSiteName(t, siteNames)).ToList();
        var siteSegments = titles.SelectMany(SiteSegments).ToList();
        var best = -1;
        var bestScore = -1.0;
        var bestAgreement = 0.0;
        string? bestText = null;
        var eligible = 0;
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            if (IsSiteName(heading, siteNames) || siteSegments.Any(s => SameName(s, heading)))
            {
                continue;
            }

            eligible++;

            // An h1 that copies the <title> loses its site name as the title does.
            heading = titles.Any(t => SameName(t, heading))
                ? StripSiteName(heading, siteNames)
                : StripSegments(heading, segment => IsSiteName(segment, siteNames) || siteSegments.Any(s => SameName(s, segment)));
            var agreement = stripped.Count == 0 ? 1 : stripped.Max(t => Agreement(heading, t));
            var coverage = stripped.Count == 0 ? 1 : stripped.Max(t => Agreement(t, heading));
            if (agreement + coverage > bestScore)
            {
                (best, bestScore, bestAgreement, bestText) = (i, agreement + coverage, agreement, heading);
            }
        }

        // One h1 is the headline unless it says something else entirely; among several (section headings) it must agree more.
        if (bestText is not null && bestAgreement >= (eligible > 1 ? MinAgreementAmongSeveral : MinAgreement))
        {
            return (bestText, best);
        }

        return stripped.FirstOrDefault(t => t.Length > 0) is { } title ? (title, -1) : (bestText, best);
    }

    /// <summary>"Headline | Site" to "Headline": a site-name segment at either end goes, and a short last segment after a long headline.</summary>
    public static string StripSiteName(string title, IReadOnlyList<string> siteNames)
    {
        title = StripSegments(title, segment => IsSiteName(segment, siteNames));
        foreach (var separator in Separators)
        {
            var index = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (index <= 0)
            {
                continue;
            }

            var head = title[..index].Trim();
            var tail = title[(index + separator.Length)..].Trim();

            // A short last part after a long headline is a site name.
            if (separator is " | " or " - " or " – " or " — " or " • " or " · " && TextSimilarity.Words(tail).Count() <= 4 && TextSimilarity.Words(head).Count() >= 4)
            {
                return head;
            }
        }

        return title;
    }

    /// <summary>Whether a text is the site's name: equal to one of the names, letters and digits only, or nearly so.</summary>
    public static bool IsSiteName(string text, IReadOnlyList<string> siteNames)
    {
        var squashed = Squash(text);
        if (squashed.Length == 0)
        {
            return false;
        }

        foreach (var name in siteNames)
        {
            var other = Squash(name);
            if (other.Length == 0)
            {
                continue;
            }

            if (squashed == other)
            {
                return true;
            }

            // "Economic Research Service" for ers.usda.gov.
            if (other.Length >= 2 && Initials(text) == other)
            {
                return true;
            }

            // "Freightwaves Checkpoint" for freightwaves.com, "The Southerner" for southerner.org.
            var (shorter, longer) = squashed.Length <= other.Length ? (squashed, other) : (other, squashed);
            if (shorter.Length >= 5 && longer.Contains(shorter, StringComparison.Ordinal) && longer.Length - shorter.Length <= Math.Max(4, shorter.Length / 2))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The site's names a page gives: og:site_name and the like, and its host ("newegg.com", "newegg").</summary>
    public static List<string> SiteNames(IEnumerable<string?> declared, string? url)
    {
        var names = declared.OfType<string>().Where(n => n.Length > 0).ToList();
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
            names.Add(host);

            // Every label but the top-level domain: "promotions.newegg.com" is also "newegg".
            var labels = host.Split('.');
            names.AddRange(labels[..^1].Where(l => l.Length >= 3));
            if (labels.Length > 2)
            {
                names.Add(string.Join('.', labels[^2..]));
            }
        }

        return names;
    }

    /// <summary>
    /// Share of the heading's word characters found among the title's words; words of five letters or more match
    /// on their first five ("programs" and "program"), so that a rephrased title still agrees.
    /// </summary>
    private static double Agreement(string heading, string title)
    {
        var titleWords = TextSimilarity.Words(title).Select(Stem).ToHashSet(StringComparer.Ordinal);
        var total = 0;
        var shared = 0;
        foreach (var word in TextSimilarity.Words(heading))
        {
            total += word.Length;
            if (titleWords.Contains(Stem(word)))
            {
                shared += word.Length;
            }
        }

        return total == 0 ? 0 : shared / (double)total;

        static string Stem(string word) => word.Length > 5 ? word[..5] : word;
    }

    /// <summary>The first and last parts of a "Site | Headline | Section" title when they are short and not its longest part (the headline).</summary>
    private static IEnumerable<string> SiteSegments(string title)
    {
        foreach (var separator in Separators)
        {
            if (!title.Contains(separator, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = title.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                return [];
            }

            // "Headline | Section | Site": the last part; "Site | Headline": the first.
            var longest = parts.MaxBy(p => p.Length);
            var site = ReferenceEquals(longest, parts[^1]) ? parts[0] : parts[^1];
            return ReferenceEquals(site, longest) || TextSimilarity.Words(site).Count() > MaxSiteNameWords ? [] : [site];
        }

        return [];
    }

    /// <summary>Takes off the segments at either end of a title that <paramref name="isSite"/> says are the site's.</summary>
    private static string StripSegments(string title, Func<string, bool> isSite)
    {
        foreach (var separator in Separators)
        {
            var changed = true;
            while (changed)
            {
                changed = false;
                var last = title.LastIndexOf(separator, StringComparison.Ordinal);
                if (last > 0 && isSite(title[(last + separator.Length)..].Trim()))
                {
                    title = title[..last].Trim();
                    changed = true;
                }

                var first = title.IndexOf(separator, StringComparison.Ordinal);
                if (first > 0 && first + separator.Length < title.Length && isSite(title[..first].Trim()))
                {
                    title = title[(first + separator.Length)..].Trim();
                    changed = true;
                }
            }
        }

        return title;
    }

    private static string Initials(string text)
    {
        var words = TextSimilarity.Words(text).ToList();
        return words.Count >= 2 ? string.Concat(words.Select(w => w[0])) : "";
    }

    private static bool SameName(string a, string b) => Squash(a) is { Length: > 0 } s && s == Squash(b);

    private static string Squash(string s) => string.Concat(s.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
