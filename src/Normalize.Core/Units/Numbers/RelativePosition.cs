namespace Normalize.Core;

/// <summary>Field of the units stage's ordinal spans.</summary>
public sealed partial class QuantitySpan
{
    /// <summary>A position relative to an anchor instead of a number: "end-1" ("next to last"), "current+1" ("next").</summary>
    public string? Relative { get; set; }
}
