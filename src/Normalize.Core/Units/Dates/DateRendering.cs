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
            if (c.PeriodsAsDayRanges && v.From.Grain > Grain.Day)
            {
                return Point(v.From, c) + "/" + DayLevel(v.From.End, v.From.Grain);
            }

            // ISO has no decades or centuries: their years ("the past century" = 1900/1999).
            return v.From.Grain >= Grain.Decade ? Years(v.From.Start, v.From.End, c) : v.From.Iso;
        }

        if (v.From.Grain >= Grain.Decade && to.Grain >= Grain.Decade && !c.PeriodsAsDayRanges)
        {
            return Years(v.From.Start, to.End, c);
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

    private static string Years(DateTime start, DateTime end, AnnotationContext c) =>
        Period.Format(start, Grain.Year) + "/" + Period.Format(c.ExclusiveIntervalEnds ? end : end.AddYears(-1), Grain.Year);

    /// <summary>The start of a period; RT writes periods of a day or longer as their first day.</summary>
    private static string Point(Period p, AnnotationContext c) => c.PeriodsAsDayRanges ? DayLevel(p.Start, p.Grain) : p.Iso;

    private static string DayLevel(DateTime t, Grain g) => Period.Format(t, g < Grain.Day ? g : Grain.Day);

    public static string GrainName(DateValue v) => v.From.Grain.ToString().ToLowerInvariant();
}
