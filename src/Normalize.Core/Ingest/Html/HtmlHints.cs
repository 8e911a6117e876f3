using System.Text.RegularExpressions;
using Normalize.Core.Rules;

namespace Normalize.Core.Ingest.Html;

/// <summary>The compiled form of Rules/html.yaml: class/id/role/tag hints for the extractor.</summary>
public sealed class HtmlHints
{
    public const string FileName = "html.yaml";

    private static readonly Lazy<HtmlHints> EmbeddedHints = new(() => Load(RuleFiles.Embedded));

    private HtmlHints(IReadOnlyList<HtmlHintFile> files)
    {
        Unlikely = new HintSet(files.Select(f => f.Unlikely));
        MaybeContent = new HintSet(files.Select(f => f.MaybeContent));
        Positive = new HintSet(files.Select(f => f.Positive));
        Negative = new HintSet(files.Select(f => f.Negative));
        Byline = new HintSet(files.Select(f => f.Byline));
        BylineParts = new HintSet(files.Select(f => f.BylineParts));
        var labels = string.Join('|', files.SelectMany(f => f.BylineLabels).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(l => l.Length).Select(l => Regex.Escape(l).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
        BylineLine = labels.Length == 0 ? NeverMatches : new Regex($@"^(?i:{labels})\s*:?\s*(?=\p{{Lu}}|\p{{Lo}})", RegexOptions.CultureInvariant);
        BylineLabelOnly = labels.Length == 0 ? NeverMatches : new Regex($@"^(?i:{labels})\s*:?$", RegexOptions.CultureInvariant);
        Caption = new HintSet(files.Select(f => f.Caption));
        RemovedRoles = files.SelectMany(f => f.RemovedRoles).ToHashSet(StringComparer.OrdinalIgnoreCase);
        RemovedTags = files.SelectMany(f => f.RemovedTags).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static HtmlHints Embedded => EmbeddedHints.Value;

    public HintSet Unlikely { get; }
    public HintSet MaybeContent { get; }
    public HintSet Positive { get; }
    public HintSet Negative { get; }
    public HintSet Byline { get; }

    /// <summary>Parts of an author box that are not the name: photo, bio, role.</summary>
    public HintSet BylineParts { get; }

    /// <summary>A text that opens with a byline label and a capitalised name after it ("By Ann Lee", "Von Jana Weber").</summary>
    public Regex BylineLine { get; }

    /// <summary>A text that is only a byline label ("By", "Written by:"), the name following in the next element.</summary>
    public Regex BylineLabelOnly { get; }

    private static readonly Regex NeverMatches = new("(?!)", RegexOptions.CultureInvariant);
    public HintSet Caption { get; }
    public IReadOnlySet<string> RemovedRoles { get; }
    public IReadOnlySet<string> RemovedTags { get; }

    public static HtmlHints Load(RuleFiles files) => new(files.Load<HtmlHintFile>(FileName));
}

/// <summary>Fragments (substrings) and whole words of a lower-cased class/id string.</summary>
public sealed class HintSet
{
    private readonly string[] _fragments;
    private readonly HashSet<string> _words;

    internal HintSet(IEnumerable<HintList> lists)
    {
        var all = lists.ToList();
        _fragments = all.SelectMany(l => l.Fragments).Select(f => f.ToLowerInvariant()).Distinct().ToArray();
        _words = all.SelectMany(l => l.Words).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="classAndId"/> (lower case) carries one of the hints.</summary>
    public bool Matches(string classAndId)
    {
        if (classAndId.Length == 0)
        {
            return false;
        }

        foreach (var fragment in _fragments)
        {
            if (classAndId.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (_words.Count == 0)
        {
            return false;
        }

        var span = classAndId.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var isWordChar = i < span.Length && char.IsLetterOrDigit(span[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                if (_words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span[start..i]))
                {
                    return true;
                }

                start = -1;
            }
        }

        return false;
    }
}

public sealed class HtmlHintFile
{
    public int Version { get; set; }
    public HintList Unlikely { get; set; } = new();
    public HintList MaybeContent { get; set; } = new();
    public HintList Positive { get; set; } = new();
    public HintList Negative { get; set; } = new();
    public HintList Byline { get; set; } = new();
    public HintList BylineParts { get; set; } = new();
    public List<string> BylineLabels { get; set; } = [];
    public HintList Caption { get; set; } = new();
    public List<string> RemovedRoles { get; set; } = [];
    public List<string> RemovedTags { get; set; } = [];
}

public sealed class HintList
{
    public List<string> Fragments { get; set; } = [];
    public List<string> Words { get; set; } = [];
}
