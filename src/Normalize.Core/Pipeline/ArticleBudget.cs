namespace Normalize.Core.Pipeline;

/// <summary>
/// Limits that keep one pathological article (a megabyte of dots, a 400 KB "word", a paragraph of twenty
/// thousand repeated words) from stalling a batch. The pipeline starts a <see cref="Deadline"/> per article; the
/// stages check it in their loops and read the size limits. A stage that runs out of time stops part-way, the
/// stages after it do not run, and the article is written with a warning naming them; an over-long paragraph
/// or token is left as it is by the stages that cannot read it, with a warning.
/// </summary>
public sealed record ArticleBudget
{
    /// <summary>The limits `clean` uses.</summary>
    public static ArticleBudget Default { get; } = new();

    /// <summary>No limits (for measuring what a stage costs without them).</summary>
    public static ArticleBudget Unlimited { get; } = new()
    {
        Time = Timeout.InfiniteTimeSpan,
        MaxParagraphChars = int.MaxValue,
        MaxTokenChars = int.MaxValue,
    };

    /// <summary>Time all stages together may spend on one article. Generous: a safety net, not a speed target.</summary>
    public TimeSpan Time { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest paragraph the word-level stages read; news paragraphs are a few hundred characters.</summary>
    public int MaxParagraphChars { get; init; } = 100_000;

    /// <summary>Longest run of letters read as a word; the longest dictionary words are a few dozen letters.</summary>
    public int MaxTokenChars { get; init; } = 1_000;

    /// <summary>The clock the time budget is read from (tests step it).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
