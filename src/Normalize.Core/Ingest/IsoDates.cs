using System.Globalization;

namespace Normalize.Core.Ingest;

/// <summary>Metadata dates to ISO 8601: yyyy-MM-dd, or a timestamp when the time is known.</summary>
public static class IsoDates
{
    private static readonly string[] DateOnlyFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"];

    public static string? Normalize(string value)
    {
        value = value.Trim();
        if (DateOnly.TryParseExact(value, DateOnlyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateOnly))
        {
            return dateOnly.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var stamp))
        {
            var hasZone = value.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(value, @"[+-]\d{2}:?\d{2}$");
            var hasTime = value.Contains(':');
            if (!hasTime)
            {
                return stamp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return hasZone
                ? stamp.ToString(stamp.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
                : stamp.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }

        return null;
    }
}
