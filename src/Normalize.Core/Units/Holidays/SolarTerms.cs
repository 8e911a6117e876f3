namespace Normalize.Core.Units.Holidays;

/// <summary>
/// Days fixed by the Sun's (tropical) ecliptic longitude: the March equinox (0°, Nowruz), the Chinese
/// solar terms (Qingming at 15°). The day is the civil day at the calendar's own UTC offset; the Iranian
/// calendar starts the year the next day when the equinox comes after noon.
/// </summary>
internal static class SolarTerms
{
    public static DateTime? Day(int year, double longitude, double utcOffsetHours, bool afterNoonNextDay)
    {
        if (year is < 1900 or > 2100)
        {
            return null;
        }

        // The Sun moves about a degree a day from 0° at the March equinox (about 20 March).
        var guess = new DateTime(year, 3, 20, 0, 0, 0, DateTimeKind.Utc).AddDays(Normalize(longitude) * 365.2422 / 360.0);
        var (a, b) = (guess.AddDays(-5), guess.AddDays(5));
        while (b - a > TimeSpan.FromMinutes(1))
        {
            var mid = a + (b - a) / 2;
            (a, b) = Past(HinduCalendar.SunLongitude(mid), longitude) ? (a, mid) : (mid, b);
        }

        var local = b.AddHours(utcOffsetHours);
        return afterNoonNextDay && local.Hour >= 12 ? local.Date.AddDays(1) : local.Date;
    }

    /// <summary>True once the Sun has reached <paramref name="target"/> (within half a circle after it).</summary>
    private static bool Past(double sun, double target) => Normalize(sun - target) < 180.0;

    private static double Normalize(double degrees)
    {
        var r = degrees % 360.0;
        return r < 0 ? r + 360.0 : r;
    }
}
