using System.Text.RegularExpressions;

namespace Normalize.Core.Units;

/// <summary>Words that only a peer convention reads as numbers (see <see cref="NumberReading"/>); never on news by default.</summary>
public sealed partial class Annotator
{
    private readonly PhraseMatcher<string> _relativeOrdinals = BuildRelativeOrdinals();

    private static PhraseMatcher<string> BuildRelativeOrdinals()
    {
        var matcher = new PhraseMatcher<string>();
        foreach (var entry in NumberWordTable.Embedded.RelativeOrdinals)
        {
            foreach (var phrase in entry.Words)
            {
                matcher.Add(phrase, entry.Value, ignoreCase: true);
            }
        }

        return matcher;
    }

    /// <summary>
    /// "next to last" (end-1), "previous" (current-1); "per cent of twenty-two" (22 %). Returns the position after the span, or <paramref name="position"/>.
    /// </summary>
    private int TryPeerNumberWords(string text, int position, AnnotationContext context, List<QuantitySpan> output)
    {
        var reading = context.Numbers;
        if (reading.RelativeOrdinals && _relativeOrdinals.TryMatch(text, position, out var relative, out var relativeEnd))
        {
            var span = Make(text, position, relativeEnd, "ordinal", null, null, null, null, null, null, null);
            span.Relative = relative;
            output.Add(span);
            return relativeEnd;
        }

        if (!reading.PercentOf || text[position] is not ('p' or 'P'))
        {
            return position;
        }

        var percent = PercentWord().Match(text, position);
        if (!percent.Success)
        {
            return position;
        }

        var end = position + percent.Length;
        if (TryReadValue(text, end, context, out var value) && value.Currency is null && !value.Number.IsOrdinal)
        {
            output.Add(Make(text, position, value.End, "percent", value.Value, "%", "Percent", percent.Value[..^4], value.Value, "%", null));
            return value.End;
        }

        return position;
    }

    [GeneratedRegex(@"\G(?:percents?|per cent|percentage) of ", RegexOptions.IgnoreCase)]
    private static partial Regex PercentWord();
}
