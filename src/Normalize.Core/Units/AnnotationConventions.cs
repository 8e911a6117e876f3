namespace Normalize.Core.Units;

/// <summary>
/// Named sets of reading conventions. "news" (the default) is how articles are read; the others reproduce
/// the peer test suites' own conventions (README of the normalization bench, "Conventions that differ"), so
/// each suite is scored by its own rules: numbers, quantities, dates, times and holidays switch together.
/// </summary>
public static class AnnotationConventions
{
    public const string News = "news";

    public static IReadOnlyList<string> Names { get; } = [News, "duckling", "recognizers-text", "quantulum3"];

    /// <summary>The context with every convention of <paramref name="name"/>; an unknown name is an ArgumentException.</summary>
    public static AnnotationContext Apply(AnnotationContext context, string name)
    {
        var suite = name.ToLowerInvariant() switch
        {
            "rt" => "recognizers-text",
            var known when Names.Contains(known) => known,
            _ => throw new ArgumentException($"unknown conventions '{name}' ({string.Join(", ", Names)})", nameof(name)),
        };

        var withParts = context with
        {
            Numbers = NumberReading.ForSuite(suite),
            Quantities = QuantityConventions.ForStyle(suite),
            AnchorBareTimes = suite == "duckling",
        };

        // quantulum3 has no dates: its sentences are read as news.
        return withParts.WithDateStyle(suite == "quantulum3" ? News : suite);
    }
}
