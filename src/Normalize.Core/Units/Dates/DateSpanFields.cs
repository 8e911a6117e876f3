namespace Normalize.Core;

/// <summary>The date grammar's fields of a date span.</summary>
public sealed partial class DateSpan
{
    /// <summary>
    /// How the date bounds an event: "since", "before", "after", "until" (open intervals), "approx",
    /// or the part of a period ("start", "mid", "end") where the conventions mark it.
    /// </summary>
    public string? Qualifier { get; set; }
}
