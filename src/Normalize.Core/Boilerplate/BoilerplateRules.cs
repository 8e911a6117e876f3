using System.Text.RegularExpressions;
using Normalize.Core.Rules;
using Normalize.Core.Text;

namespace Normalize.Core.Boilerplate;

/// <summary>The compiled form of rules/boilerplate.yaml (embedded plus the user's file of that name).</summary>
public sealed class BoilerplateRules
{
    public const string FileName = "boilerplate.yaml";
    // Interpreted first: compiling these long alternations costs ~0.7 s of CPU at start-up and saves ~20 µs
    // per line, which only batches of thousands of articles repay; each is compiled once it has been used
    // enough (see WarmingRegex).
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>A guard against a user's rule that backtracks badly; ours match in microseconds.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private BoilerplateRules(IReadOnlyList<BoilerplateRuleFile> files)
    {
        _lineRules = files.SelectMany(f => f.LineRules)
            .GroupBy(r => r.Reason, StringComparer.Ordinal)
            .Select(g => (g.Key, WholeLine(g.SelectMany(r => r.Patterns))))
            .ToList();
        _tailMarker = WholeLine(files.SelectMany(f => f.TailMarkers));
        _relatedPrefix = new WarmingRegex(new Regex($"^(?:{string.Join("|", files.SelectMany(f => f.RelatedPrefixes))})", Options, MatchTimeout));
        _creditLine = WholeLine(files.SelectMany(f => f.CreditLines));
        _byline = WholeLine(files.SelectMany(f => f.Bylines));
        var agencies = files.SelectMany(f => f.Agencies).Distinct().Select(Regex.Escape);
        AgencyCredit = new Regex(
            $@"\s*\((?<credit>(?:[\p{{L}}\-]{{1,12}}\s*/\s*)*(?:{string.Join("|", agencies)})(?:\s*/\s*[\p{{L}}\-]{{1,12}})*)\)\s*$",
            RegexOptions.CultureInvariant, MatchTimeout);
        var breadcrumbs = files.Select(f => f.Breadcrumbs).Last(b => b.HomeWords.Count > 0);
        HomeWords = breadcrumbs.HomeWords.OrderByDescending(w => w.Length).ToList();
        BreadcrumbSeparators = breadcrumbs.Separators;
        BreadcrumbMaxWords = breadcrumbs.MaxWords;
        DatePrefixes = files.SelectMany(f => f.DatePrefixes).OrderByDescending(p => p.Length).ToList();
        NotHeadlineEndings = files.SelectMany(f => f.NotHeadlineEndings).ToHashSet(StringComparer.OrdinalIgnoreCase);
        RepeatedLines = files.LastOrDefault(f => f.RepeatedLines is not null)?.RepeatedLines ?? new RepeatedLineSettings();
    }

    private readonly List<(string Reason, WarmingRegex Pattern)> _lineRules;
    private readonly WarmingRegex _tailMarker;
    private readonly WarmingRegex _relatedPrefix;
    private readonly WarmingRegex _creditLine;
    private readonly WarmingRegex _byline;

    public IEnumerable<(string Reason, Regex Pattern)> LineRules => _lineRules.Select(r => (r.Reason, r.Pattern.Current));

    /// <summary>Thresholds for lines repeated across a site's articles (the user's file overrides ours).</summary>
    public RepeatedLineSettings RepeatedLines { get; }

    /// <summary>Words a headline never ends with (a line ending so is wrapped prose).</summary>
    public IReadOnlySet<string> NotHeadlineEndings { get; }
    public Regex TailMarker => _tailMarker.Current;
    public Regex RelatedPrefix => _relatedPrefix.Current;
    public Regex CreditLine => _creditLine.Current;
    public Regex Byline => _byline.Current;
    public Regex AgencyCredit { get; }
    public IReadOnlyList<string> HomeWords { get; }
    public IReadOnlyList<string> BreadcrumbSeparators { get; }
    public int BreadcrumbMaxWords { get; }
    public IReadOnlyList<string> DatePrefixes { get; }

    public static BoilerplateRules Load(RuleFiles files)
    {
        var loaded = files.Load<BoilerplateRuleFile>(FileName);
        try
        {
            return new BoilerplateRules(loaded);
        }
        catch (ArgumentException ex)
        {
            throw new RuleFileException($"{FileName}: a pattern is not a valid regular expression: {ex.Message}", ex);
        }
    }

    private static WarmingRegex WholeLine(IEnumerable<string> patterns) =>
        new(new Regex($"^(?:{string.Join("|", patterns.Select(p => $"(?:{p})"))})$", Options, MatchTimeout));
}

/// <summary>The YAML shape of a boilerplate rule file. Unknown keys are errors.</summary>
public sealed class BoilerplateRuleFile
{
    public int Version { get; set; }
    public List<LineRule> LineRules { get; set; } = [];
    public BreadcrumbRule Breadcrumbs { get; set; } = new();
    public List<string> TailMarkers { get; set; } = [];
    public List<string> RelatedPrefixes { get; set; } = [];
    public List<string> Agencies { get; set; } = [];
    public List<string> CreditLines { get; set; } = [];
    public List<string> Bylines { get; set; } = [];
    public List<string> DatePrefixes { get; set; } = [];
    public List<string> NotHeadlineEndings { get; set; } = [];
    public RepeatedLineSettings? RepeatedLines { get; set; }

    public sealed class LineRule
    {
        public string Reason { get; set; } = "";
        public List<string> Patterns { get; set; } = [];
    }

    public sealed class BreadcrumbRule
    {
        public List<string> HomeWords { get; set; } = [];
        public List<string> Separators { get; set; } = [];
        public int MaxWords { get; set; } = 6;
    }
}
