using Normalize.Core.Rules;
using Normalize.Core.Translation;

namespace Normalize.Core.Pipeline;

/// <summary>Settings of the default pipeline; the command line maps its flags onto these.</summary>
public sealed class PipelineOptions
{
    /// <summary>Rule data: embedded files plus the user's <c>--rules DIR</c>.</summary>
    public RuleFiles Rules { get; init; } = RuleFiles.Embedded;

    /// <summary>Keep “typographic” quotes instead of straight ASCII ones.</summary>
    public bool KeepTypographicQuotes { get; init; }

    /// <summary>The translate stage's backends and cache (default: none, the article stays in its language; the CLI's default is auto).</summary>
    public TranslationSettings Translation { get; init; } = TranslationSettings.None;

    /// <summary>Time and size limits per article.</summary>
    public ArticleBudget Budget { get; init; } = ArticleBudget.Default;

    /// <summary>Run only these stages (null: all).</summary>
    public IReadOnlyCollection<string>? OnlyStages { get; init; }
}
