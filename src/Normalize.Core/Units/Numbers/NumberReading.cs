namespace Normalize.Core.Units;

/// <summary>
/// How vague or positional words read as numbers. The default is the news reading: only what a
/// reader takes as a definite number. Peer test suites read more words as numbers (their own
/// conventions, see the normalization bench README); the bench and <c>normalize annotate</c> set them.
/// </summary>
public sealed record NumberReading
{
    /// <summary>News prose: "next", "a few", "percentage" are not numbers.</summary>
    public static NumberReading News { get; } = new();

    /// <summary>Recognizers-Text: relative ordinals ("next to last" is end-1), "per cent of twenty", "one over three", the numbers inside quantities.</summary>
    public static NumberReading RecognizersText { get; } = new() { RelativeOrdinals = true, PercentOf = true, SpokenFractions = true, NumbersInQuantities = true, OrdinalRanges = true };

    /// <summary>Duckling: "a couple", "a few", "single", "nil" are counts; "one twenty two" is 122; "3/15" is 0.2.</summary>
    public static NumberReading Duckling { get; } = new() { VagueCounts = true, Spoken = true, SlashFractions = true };

    /// <summary>"next", "last", "previous", "current", "next to last" as positions (values "current+1", "end-1").</summary>
    public bool RelativeOrdinals { get; init; }

    /// <summary>"a couple" (2), "a few"/"few" (3), "single" (1) as numbers.</summary>
    public bool VagueCounts { get; init; }

    /// <summary>"per cent of twenty-two": the percent word before its number.</summary>
    public bool PercentOf { get; init; }

    /// <summary>Numbers as spoken: "one twenty two" (122), "point 77" (0.77).</summary>
    public bool Spoken { get; init; }

    /// <summary>Any "a/b" with a smaller numerator is a fraction ("3/15"); on news only common denominators are ("9/11" is not).</summary>
    public bool SlashFractions { get; init; }

    /// <summary>Ranges of ranks as number ranges: "between the tenth and the fifteenth" is [10,15).</summary>
    public bool OrdinalRanges { get; init; }

    /// <summary>The numbers inside money and measures are numbers too ("$10000" gives 10000 besides the money).</summary>
    public bool NumbersInQuantities { get; init; }

    /// <summary>"one over three", "2000 over 3", "one out of three" as fractions.</summary>
    public bool SpokenFractions { get; init; }

    /// <summary>Some words that are not number words can start a number in this reading.</summary>
    public bool ReadsPeerWords => RelativeOrdinals || PercentOf || OrdinalRanges;

    /// <summary>The reading of a peer suite by its name in the bench files ("recognizers-text", "duckling"); else news.</summary>
    public static NumberReading ForSuite(string? suite) => suite switch
    {
        "recognizers-text" => RecognizersText,
        "duckling" => Duckling,
        _ => News,
    };
}
