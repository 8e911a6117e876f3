using System.Globalization;

namespace Normalize.Core;

/// <summary>
/// Digits as the patterns see them. A regex's <c>\d</c> matches every Unicode decimal digit ("２", "٣"),
/// while <c>int.Parse</c> reads ASCII digits only and throws on the rest, so a capture is read through
/// here: a value, or "not a number", never an exception.
/// </summary>
public static class DecimalDigits
{
    /// <summary>The text with every non-ASCII decimal digit (BMP) replaced by its ASCII digit; the same instance when there is none.</summary>
    public static string ToAscii(string text)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > '\u007F' && char.IsDigit(c))
            {
                chars ??= text.ToCharArray();
                chars[i] = (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c));
            }
        }

        return chars is null ? text : new string(chars);
    }

    /// <summary>
    /// The value of a run of decimal digits of any script; false when the run is empty, holds anything
    /// but digits, or is too large for an int.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        long total = 0;
        foreach (var c in digits)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }

            total = (total * 10) + CharUnicodeInfo.GetDecimalDigitValue(c);
            if (total > int.MaxValue)
            {
                return false;
            }
        }

        value = (int)total;
        return true;
    }

    /// <summary>The value of a run of decimal digits, or null (see <see cref="TryParse"/>).</summary>
    public static int? Parse(ReadOnlySpan<char> digits) => TryParse(digits, out var value) ? value : null;
}
