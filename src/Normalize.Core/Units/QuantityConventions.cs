namespace Normalize.Core.Units;

/// <summary>
/// How a quantity with a unit is delimited and valued where readers (and the peer test suites)
/// disagree. <see cref="News"/> is the natural reading of article text; the others are the
/// conventions of the normalization bench's suites, set per suite by the bench runner.
/// </summary>
public sealed record QuantityConventions
{
    /// <summary>Bound words belong to the span: "more than $5", "from 3 km to 5 km" (false: the measurement alone).</summary>
    public bool BoundsInSpan { get; init; } = true;

    /// <summary>Hedge words belong to the span: "around 3-5 km" (the value is unchanged).</summary>
    public bool HedgesInSpan { get; init; }

    /// <summary>"10-15 km" is one range (false: only the number next to the unit is measured).</summary>
    public bool UnitRanges { get; init; } = true;

    /// <summary>Metric masses are reported in grams ("0.5 kg" = 500 g).</summary>
    public bool MassInGrams { get; init; }

    /// <summary>"7 feet and 10 inches" in the smallest unit (94 in; false: the largest, 7.83 ft).</summary>
    public bool CompositeInSmallestUnit { get; init; }

    /// <summary>"2 years, 3 months" is one duration, "7 feet and 10 inches" one length (false: each part apart).</summary>
    public bool Composites { get; init; } = true;

    /// <summary>"3 cups of sugar": the product joins the span.</summary>
    public bool ProductInSpan { get; init; }

    /// <summary>A unit named without a number ("convert to fahrenheit") is a span without a value.</summary>
    public bool BareUnitMentions { get; init; }

    /// <summary>A bare pound ("£5", "5 pounds") is sterling (GBP) rather than the unqualified "£".</summary>
    public bool PoundIsSterling { get; init; }

    /// <summary>"pounds" after a number is always a weight (otherwise money unless something says it weighs).</summary>
    public bool PoundsAreWeight { get; init; }

    /// <summary>"tonnes" and "t" are labelled "ton" (Recognizers-Text's label; its "metric tons" stay "t").</summary>
    public bool TonneIsTon { get; init; }

    /// <summary>The names <see cref="ForStyle"/> accepts (`normalize annotate --conventions`).</summary>
    public static string[] Styles { get; } = ["news", "duckling", "recognizers-text", "rt", "quantulum3"];

    /// <summary>The conventions of a style name (see <see cref="Styles"/>).</summary>
    public static QuantityConventions ForStyle(string style) => style.ToLowerInvariant() switch
    {
        "duckling" => Duckling,
        "recognizers-text" or "rt" => RecognizersText,
        "quantulum3" => Quantulum,
        "news" => News,
        _ => throw new ArgumentException($"unknown quantity style '{style}' ({string.Join(", ", Styles)})", nameof(style)),
    };

    /// <summary>Article text.</summary>
    public static QuantityConventions News { get; } = new();

    /// <summary>Duckling: bounds and hedges inside, masses in grams, composites in the smallest unit, products.</summary>
    public static QuantityConventions Duckling { get; } = new()
    {
        HedgesInSpan = true, MassInGrams = true, CompositeInSmallestUnit = true, ProductInSpan = true,
    };

    /// <summary>Recognizers-Text: the measurement alone (bounds are number ranges), bare unit mentions, pounds weigh (its DimensionModel).</summary>
    public static QuantityConventions RecognizersText { get; } = new()
    {
        BoundsInSpan = false, UnitRanges = false, BareUnitMentions = true, PoundsAreWeight = true, TonneIsTon = true,
    };

    /// <summary>quantulum3: ranges kept, bound words outside, pounds are sterling, each part of a composite apart.</summary>
    public static QuantityConventions Quantulum { get; } = new() { BoundsInSpan = false, PoundIsSterling = true, Composites = false };
}
