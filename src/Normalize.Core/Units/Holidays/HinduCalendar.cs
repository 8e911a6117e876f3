namespace Normalize.Core.Units.Holidays;

/// <summary>
/// Days of the Hindu lunisolar calendar (amanta months, Lahiri sidereal zodiac, Indian Standard Time),
/// computed from the positions of the Sun and the Moon. A tithi is a twelfth-degree step of the Moon's
/// elongation from the Sun (30 a month: 1-15 the bright half, 16-30 the dark half ending at the new
/// moon); a month runs from new moon to new moon and is named by the sidereal sign the Sun is in at
/// its new moon (Sun in Pisces: Chaitra); a month without a solar sign change is a leap month, and
/// festivals fall in the regular month that follows. A festival day is the civil day on which the
/// tithi holds at the observance hour (sunrise for most; sunset, midnight, moonrise for some).
/// Positions use the principal periodic terms (Sun ~0.01°, Moon ~0.02°): a tithi's end is placed
/// within a few minutes, so a day can differ from published almanacs when a tithi ends at the hour.
/// </summary>
internal static class HinduCalendar
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    public enum Observance { Sunrise, Midday, Sunset, Moonrise, Midnight }

    public static Observance ObservanceOf(string? name) => name switch
    {
        null or "sunrise" => Observance.Sunrise,
        "midday" => Observance.Midday,
        "sunset" => Observance.Sunset,
        "moonrise" => Observance.Moonrise,
        "midnight" => Observance.Midnight,
        _ => throw new Rules.RuleFileException($"holidays.yaml: unknown observance '{name}' (sunrise, midday, sunset, moonrise, midnight)"),
    };

    /// <summary>
    /// The observance hour (IST) on a day, for northern India (Delhi): sunrise runs from about 5:25
    /// in June to 7:15 in January, sunset from 17:25 to 19:20; a sunset observance is half an hour
    /// into the evening (pradosh), moonrise of the dark half's fourth day about three hours after sunset.
    /// </summary>
    private static double HourOn(Observance observance, DateTime day)
    {
        var season = Math.Sin(2 * Math.PI * (day.DayOfYear - 80) / 365.25);
        var sunrise = 6.35 - 0.95 * season;
        var sunset = 18.4 + 0.95 * season;
        return observance switch
        {
            Observance.Sunrise => sunrise,
            Observance.Midday => (sunrise + sunset) / 2,
            Observance.Sunset => sunset + 0.5,
            Observance.Moonrise => sunset + 2.5,
            _ => 24.0,
        };
    }

    /// <summary>Month names from Chaitra (1) to Phalguna (12).</summary>
    public static int MonthNumber(string name) => name.ToLowerInvariant() switch
    {
        "chaitra" => 1, "vaishakha" => 2, "jyeshtha" => 3, "ashadha" => 4, "shravana" => 5, "bhadrapada" => 6,
        "ashvin" => 7, "kartika" => 8, "margashirsha" => 9, "pausha" => 10, "magha" => 11, "phalguna" => 12,
        _ => throw new Rules.RuleFileException($"holidays.yaml: unknown Hindu month '{name}'"),
    };

    /// <summary>
    /// The civil days (IST) in Gregorian <paramref name="year"/> on which tithi <paramref name="tithi"/>
    /// (1-30) of regular month <paramref name="month"/> holds at <paramref name="hour"/>.
    /// </summary>
    public static IEnumerable<DateTime> Days(int year, int month, int tithi, Observance hour)
    {
        if (year is < 1900 or > 2100)
        {
            yield break;
        }

        var moons = NewMoons(year);
        for (var i = 0; i + 1 < moons.Count; i++)
        {
            var sign = SiderealSign(SunLongitude(moons[i]), moons[i]);
            var nextSign = SiderealSign(SunLongitude(moons[i + 1]), moons[i + 1]);
            var leap = sign == nextSign;
            if (leap || (sign + 1) % 12 + 1 != month)
            {
                continue;
            }

            if (DayOfTithi(moons[i], moons[i + 1], tithi, hour) is { } day && day.Year == year)
            {
                yield return day;
            }
        }
    }

    /// <summary>The first civil day between two new moons whose observance hour falls in the tithi; a tithi that no observance hour meets takes the day it begins.</summary>
    private static DateTime? DayOfTithi(DateTime newMoon, DateTime nextNewMoon, int tithi, Observance observance)
    {
        var firstDay = (newMoon + Ist).Date.AddDays(-1);
        var lastDay = (nextNewMoon + Ist).Date.AddDays(1);
        DateTime? before = null;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var instant = day.AddHours(HourOn(observance, day)) - Ist;
            if (instant < newMoon)
            {
                before = day; // the month (and its first tithi) begins later this day
                continue;
            }

            var current = instant >= nextNewMoon ? 31 : TithiAt(instant);
            if (current == tithi)
            {
                return day;
            }

            if (current > tithi)
            {
                // No observance hour met it: the tithi began and ended between two; it takes the day it began.
                return before;
            }

            before = day;
        }

        return null;
    }

    /// <summary>Sidereal signs by name, Mesha (Aries, 0) to Mina (Pisces, 11).</summary>
    public static int SignNumber(string name) => name.ToLowerInvariant() switch
    {
        "mesha" => 0, "vrishabha" => 1, "mithuna" => 2, "karka" => 3, "simha" => 4, "kanya" => 5,
        "tula" => 6, "vrishchika" => 7, "dhanu" => 8, "makara" => 9, "kumbha" => 10, "mina" => 11,
        _ => throw new Rules.RuleFileException($"holidays.yaml: unknown sign '{name}'"),
    };

    /// <summary>
    /// The day (IST) the Sun enters sidereal sign <paramref name="sign"/> in <paramref name="year"/>
    /// (a sankranti). It counts for the day when it comes before the observance hour <paramref name="by"/>
    /// (sunset in the Tamil custom, midnight in the Punjabi and Bengali ones), else for the next day.
    /// </summary>
    public static DateTime? SankrantiDay(int year, int sign, Observance by)
    {
        if (year is < 1900 or > 2100)
        {
            return null;
        }

        var t = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var previous = SiderealSign(SunLongitude(t), t);
        while (t < end)
        {
            var next = t.AddDays(1);
            var current = SiderealSign(SunLongitude(next), next);
            if (current != previous && current == sign)
            {
                var (a, b) = (t, next);
                while (b - a > TimeSpan.FromMinutes(1))
                {
                    var mid = a + (b - a) / 2;
                    (a, b) = SiderealSign(SunLongitude(mid), mid) == sign ? (a, mid) : (mid, b);
                }

                var local = b + Ist;
                var day = local.Date;
                var limit = by == Observance.Sunset ? HourOn(Observance.Sunset, day) - 0.5 : HourOn(by, day);
                return local.TimeOfDay.TotalHours > limit ? day.AddDays(1) : day;
            }

            previous = current;
            t = next;
        }

        return null;
    }

    private static int TithiAt(DateTime utc) => (int)(Elongation(utc) / 12.0) + 1;

    private static double Elongation(DateTime utc) => Normalize(MoonLongitude(utc) - SunLongitude(utc));

    /// <summary>New moons (UTC) from about a month before the year to a month after it.</summary>
    private static List<DateTime> NewMoons(int year)
    {
        var moons = new List<DateTime>();
        var t = new DateTime(year - 1, 11, 15, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(year + 1, 2, 15, 0, 0, 0, DateTimeKind.Utc);
        var previous = Elongation(t);
        while (t < end)
        {
            var next = t.AddHours(12);
            var elongation = Elongation(next);
            if (elongation < previous)
            {
                moons.Add(Bisect(t, next));
            }

            previous = elongation;
            t = next;
        }

        return moons;
    }

    /// <summary>The instant the elongation passes 360° between <paramref name="a"/> and <paramref name="b"/>.</summary>
    private static DateTime Bisect(DateTime a, DateTime b)
    {
        while (b - a > TimeSpan.FromSeconds(30))
        {
            var mid = a + (b - a) / 2;
            if (Elongation(mid) > 180)
            {
                a = mid;
            }
            else
            {
                b = mid;
            }
        }

        return a + (b - a) / 2;
    }

    /// <summary>0 = Aries (Mesha) ... 11 = Pisces (Mina), sidereal with the Lahiri ayanamsa.</summary>
    private static int SiderealSign(double tropicalLongitude, DateTime utc)
    {
        var ayanamsa = 23.853 + 0.013969 * (JulianCenturies(utc) * 100.0);
        return (int)(Normalize(tropicalLongitude - ayanamsa) / 30.0);
    }

    private static double JulianCenturies(DateTime utc) =>
        (utc - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays / 36525.0;

    /// <summary>Apparent geocentric longitude of the Sun (degrees).</summary>
    internal static double SunLongitude(DateTime utc)
    {
        var t = JulianCenturies(utc);
        var l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var m = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var center = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(m)
                     + (0.019993 - 0.000101 * t) * Math.Sin(2 * m) + 0.000289 * Math.Sin(3 * m);
        var omega = Radians(125.04 - 1934.136 * t);
        return Normalize(l0 + center - 0.00569 - 0.00478 * Math.Sin(omega));
    }

    /// <summary>Geocentric longitude of the Moon (degrees): mean longitude plus the principal periodic terms.</summary>
    private static double MoonLongitude(DateTime utc)
    {
        var t = JulianCenturies(utc);
        var l = 218.3164477 + 481267.88123421 * t;
        var d = Radians(297.8501921 + 445267.1114034 * t);
        var m = Radians(357.5291092 + 35999.0502909 * t);
        var mp = Radians(134.9633964 + 477198.8675055 * t);
        var f = Radians(93.2720950 + 483202.0175233 * t);
        var e = 1 - 0.002516 * t;
        var sum =
            6.288774 * Math.Sin(mp)
            + 1.274027 * Math.Sin(2 * d - mp)
            + 0.658314 * Math.Sin(2 * d)
            + 0.213618 * Math.Sin(2 * mp)
            - 0.185116 * e * Math.Sin(m)
            - 0.114332 * Math.Sin(2 * f)
            + 0.058793 * Math.Sin(2 * d - 2 * mp)
            + 0.057066 * e * Math.Sin(2 * d - m - mp)
            + 0.053322 * Math.Sin(2 * d + mp)
            + 0.045758 * e * Math.Sin(2 * d - m)
            - 0.040923 * e * Math.Sin(m - mp)
            - 0.034720 * Math.Sin(d)
            - 0.030383 * e * Math.Sin(m + mp)
            + 0.015327 * Math.Sin(2 * d - 2 * f)
            - 0.012528 * Math.Sin(mp + 2 * f)
            + 0.010980 * Math.Sin(mp - 2 * f)
            + 0.010675 * Math.Sin(4 * d - mp)
            + 0.010034 * Math.Sin(3 * mp)
            + 0.008548 * Math.Sin(4 * d - 2 * mp)
            - 0.007888 * e * Math.Sin(2 * d + m - mp)
            - 0.006766 * e * Math.Sin(2 * d + m)
            - 0.005163 * Math.Sin(d - mp)
            + 0.004987 * e * Math.Sin(d + m)
            + 0.004036 * e * Math.Sin(2 * d - m + mp);
        var omega = Radians(125.04 - 1934.136 * t);
        return Normalize(l + sum - 0.00478 * Math.Sin(omega));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;

    private static double Normalize(double degrees)
    {
        var r = degrees % 360.0;
        return r < 0 ? r + 360.0 : r;
    }
}
