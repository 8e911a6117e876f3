using System.Text.RegularExpressions;

namespace Normalize.Core.Units;

/// <summary>Words that only a peer convention reads as numbers (see <see cref="NumberReading"/>); never on news by default.</summary>
public sealed partial class Annotator
{
    private readonly PhraseMatcher<string> _relativeOrdinals;

    private static PhraseMatcher<string> BuildRelativeOrdinals(NumberWordTable words)
    {
        var matcher = new PhraseMatcher<string>();
        foreach (var entry in words.RelativeOrdinals)
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
        // "third to last" (end-2), "2nd from last", "second last": an ordinal counted from the end.
        if (reading.RelativeOrdinals && _numbers.TryRead(text, position, false, out var ordinal, reading: reading) && ordinal.IsOrdinal
            && ordinal.Value is >= 1 and < 1000 && FromLast().Match(text, ordinal.End) is { Success: true } fromLast)
        {
            var span = Make(text, position, ordinal.End + fromLast.Length, "ordinal", null, null, null, null, null, null, null);
            span.Relative = $"end-{ordinal.Value - 1}";
            output.Add(span);
            return span.End;
        }

        if (reading.OrdinalRanges && TryOrdinalRange(text, position, context, output) is var rangeEnd && rangeEnd > position)
        {
            return rangeEnd;
        }

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

    /// <summary>
    /// A range of ranks: "between the tenth and the fifteenth" [10,15), "higher than the tenth but lower
    /// than the fifteenth" (10,15). Returns the end of the range, or <paramref name="position"/>.
    /// </summary>
    private int TryOrdinalRange(string text, int position, AnnotationContext context, List<QuantitySpan> output)
    {
        if (!_qualifiers.TryMatch(text, position, out var first, out var firstEnd) || (first.Lower is null && first.Code != "between")
            || !TryTheOrdinal(text, firstEnd, context, out var low, out var lowEnd))
        {
            return position;
        }

        var join = BoundJoin().Match(text, lowEnd);
        if (!join.Success)
        {
            return position;
        }

        var secondStart = lowEnd + join.Length;
        Qualifier? second = null;
        if (first.Code != "between")
        {
            if (!_qualifiers.TryMatch(text, secondStart, out var other, out var otherEnd) || other.Lower is null || other.Lower == first.Lower)
            {
                return position;
            }

            second = other;
            secondStart = otherEnd;
        }

        if (!TryTheOrdinal(text, secondStart, context, out var high, out var end))
        {
            return position;
        }

        var range = second is null
            ? new QuantityRange { Min = Math.Min(low, high), Max = Math.Max(low, high), MinInclusive = true, MaxInclusive = false }
            : first.Lower == true
                ? new QuantityRange { Min = low, MinInclusive = first.Inclusive, Max = high, MaxInclusive = second.Inclusive }
                : new QuantityRange { Min = high, MinInclusive = second.Inclusive, Max = low, MaxInclusive = first.Inclusive };
        output.Add(Make(text, position, end, "number_range", null, null, null, null, null, null, new Qualifier("range", null, true), range));
        return end;
    }

    /// <summary>" the tenth", " the 15th": an ordinal after "the".</summary>
    private bool TryTheOrdinal(string text, int position, AnnotationContext context, out decimal value, out int end)
    {
        value = 0;
        end = position;
        var start = SkipOneSpace(text, position);
        if (string.Compare(text, start, "the ", 0, 4, StringComparison.OrdinalIgnoreCase) != 0
            || !_numbers.TryRead(text, start + 4, context.DecimalComma, out var ordinal, reading: context.Numbers) || !ordinal.IsOrdinal)
        {
            return false;
        }

        value = ordinal.Value;
        end = ordinal.End;
        return true;
    }

    /// <summary>
    /// Recognizers-Text's number models also find the numbers inside money and measures ("$10000",
    /// "3 years"; not one glued to its unit, "180.25ml") and the bound before them ("over thirty" of
    /// "over thirty years old").
    /// </summary>
    private static void AddInnerNumbers(string text, AnnotationContext context, int start, Qualifier? qualifier, ValueRead first, ValueRead? second,
        UnitRead? unit, List<QuantitySpan> output)
    {
        if (!context.Numbers.NumbersInQuantities)
        {
            return;
        }

        if (second is null && qualifier?.Lower is { } lower && first.Currency is null)
        {
            var range = lower
                ? new QuantityRange { Min = first.Value, MinInclusive = qualifier.Inclusive }
                : new QuantityRange { Max = first.Value, MaxInclusive = qualifier.Inclusive };
            output.Add(Make(text, start, first.End, "number_range", null, null, null, null, null, null, qualifier, range));
        }

        if (unit is { } u && second is null && u.Start == first.End)
        {
            return;
        }

        foreach (var value in second is { } s ? new[] { first, s } : [first])
        {
            var number = value.Number;
            if (!number.IsOrdinal)
            {
                output.Add(Make(text, number.Start, value.End, "number", value.Value, null, null, null, value.Value, null, null));
            }
        }
    }

    [GeneratedRegex(@"\G (?:(?:to|from) (?:the )?)?last\b", RegexOptions.IgnoreCase)]
    private static partial Regex FromLast();

    [GeneratedRegex(@"\G(?:percents?|per cent|percentage) of ", RegexOptions.IgnoreCase)]
    private static partial Regex PercentWord();
}
