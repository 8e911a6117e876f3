using System.Net;
using System.Text.RegularExpressions;
using Normalize.Core.Boilerplate;

namespace Normalize.Core.Ingest.Html;

/// <summary>
/// Author names out of a byline as pages write it: "By Jane Doe and John Roe", "Written by: Ann Lee • March 12, 2025",
/// "Posted by Sam Rivers on Friday", "Dr. Kim Park, MD". Labels, dates, reading times and credentials are not names.
/// </summary>
internal static partial class Bylines
{
    private const int MaxNameLength = 60;

    private const int MaxNameWords = 5;

    /// <summary>The names of a byline; empty when it holds none (a label alone, a sentence, a date).</summary>
    public static List<string> Names(string? byline)
    {
        var names = new List<string>();
        AddNames(names, byline);
        return names;
    }

    /// <summary>Adds the byline's names that <paramref name="names"/> does not have yet.</summary>
    public static void AddNames(List<string> names, string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline))
        {
            return;
        }

        var text = Whitespace().Replace(WebUtility.HtmlDecode(byline), " ").Trim();
        if (Datelines.Find(text) is { } date)
        {
            text = text[..date.Index];
        }

        text = Tail().Replace(text, "");
        text = Label().Replace(text, "").Trim();
        string? last = null;
        foreach (var part in Separator().Split(text))
        {
            var name = part.Trim().Trim(',', ';', '|', ':', '-', '–', '—', '•', '·').Trim();
            if (last is not null && Credential().IsMatch(name))
            {
                // "Jane Doe, Ph.D.": the author signs with the degree; it stays with her name.
                var index = names.IndexOf(last);
                last = names[index] = last + ", " + name;
                continue;
            }

            if (name.EndsWith('.') && !Initial().IsMatch(name))
            {
                name = name[..^1];
            }

            last = null;
            if (IsName(name) && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
                last = name;
            }
        }
    }

    /// <summary>
    /// Whether a text found in a byline element has the shape of a name: every word capitalised, except the particles
    /// of names ("van", "de", "bin"). Scripts without case pass. "Learn more", "View profile" do not.
    /// </summary>
    public static bool LooksLikeName(string text)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var first = word.FirstOrDefault(char.IsLetter);
            if (first != default && char.IsLower(first) && !Particles.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "di", "del", "della", "der", "den", "des", "du", "dos", "das", "van", "von", "la", "le", "bin", "ibn", "al", "el", "zu", "ter", "te", "y", "e",
    };

    /// <summary>A person's or a team's name: a few words, no digits, no web address, not a credential ("MD", "Ph.D.").</summary>
    private static bool IsName(string name)
    {
        if (name.Length is < 2 or > MaxNameLength || !char.IsLetter(name[0]) || name.Any(char.IsDigit)
            || name.Contains("://", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal) || Credential().IsMatch(name))
        {
            return false;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxNameWords && Label().Replace(name, "").Trim().Length > 0;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>"By", "Written by:", "Text by", "Posted by", "Author:", "Von", "Par", "Автор:" before the names.</summary>
    [GeneratedRegex(@"^(?:(?:\p{L}+\s+)?by\b\s*:?|(?-i:von|par|por|door|di|av)\s+|(?:authors?|autor|auteur|автор|written|posted)\b\s*:?)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    /// <summary>What follows the names: "Published …", "Updated …", "on Friday …", "5 min read", a role after a bullet.</summary>
    [GeneratedRegex(@"(?:\s+[|•·–—]\s+|\s+-\s+|\s+on\s+\p{L}+day\b|\b(?:published|updated|last updated|modified|posted on|reviewed by|fact[- ]checked by|edited by|medically reviewed)\b|\b\d+\s*min(?:ute)?s?\b).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tail();

    [GeneratedRegex(@"\s*(?:,|;|\||\band\b|&|\bund\b|\bet\b|\by\b|\ben\b|\bи\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    /// <summary>Letters after a name that are a degree or title, not a name: "MD", "Ph.D.", "DVM", "E-RYT", "Jr.".</summary>
    [GeneratedRegex(@"^(?:\p{Lu}[\p{Lu}.\-]{1,7}|\p{Lu}\p{Ll}?\.\s?\p{Lu}\.?|Jr\.?|Sr\.?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    /// <summary>A name ending in an initial ("John Q.") keeps its period.</summary>
    [GeneratedRegex(@"(?:^|\s)\p{Lu}\.$", RegexOptions.CultureInvariant)]
    private static partial Regex Initial();
}
