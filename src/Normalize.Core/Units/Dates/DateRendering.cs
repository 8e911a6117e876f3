namespace Normalize.Core.Units.Dates;

/// <summary>A date value as the bench README writes it, by the context's conventions.</summary>
internal static class DateRendering
{
    public static string Iso(DateValue v, AnnotationContext c)
    {
        if (v.Iso is { } given)
        {
            return given;
        }
        if (v.OpenEnd)
        {
            return Point(v.From, c) + "/..";
        }

        if (v.OpenStart)
        {
            return "../" + Point(v.From, c);
        }

        if (!v.IsInterval || v.To is not { } to)
        {
            return c.PeriodsAsDayRanges && v.From.Grain > Grain.Day
                ? Point(v.From, c) + "/" + DayLevel(v.From.End, v.From.Grain)
                : v.From.Iso;
        }

        if (c.ExclusiveIntervalEnds)
        {
            return Period.Format(v.From.Start, v.From.Grain) + "/" + Period.Format(to.End, to.Grain);
        }

        if (c.PeriodsAsDayRanges)
        {
            // RT: a stretch ends where its last unit ends; two named ends are given by their starts.
            return Point(v.From, c) + "/" + (v.IsSpan ? DayLevel(to.End, to.Grain) : Point(to, c));
        }

        return v.From.Iso + "/" + to.Iso;
    }

    /// <summary>The start of a period; RT writes periods of a day or longer as their first day.</summary>
    private static string Point(Period p, AnnotationContext c) => c.PeriodsAsDayRanges ? DayLevel(p.Start, p.Grain) : p.Iso;

    private static string DayLevel(DateTime t, Grain g) => Period.Format(t, g < Grain.Day ? g : Grain.Day);

    public static string GrainName(DateValue v) => v.From.Grain.ToString().ToLowerInvariant();
}
