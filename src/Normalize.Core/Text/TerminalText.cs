using System.Globalization;
using System.Text;

namespace Normalize.Core;

/// <summary>
/// Untrusted text (article titles, ids, paths, input lines) made safe to print on a terminal:
/// control characters (C0 except tab, DEL, C1) and bidirectional overrides are shown as \xNN or
/// \uNNNN escapes, so a title cannot retitle the window, recolour the screen or forge an
/// "error:" line. Every command prints untrusted strings through here.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every control character escaped; newlines kept only when <paramref name="keepNewlines"/>.</summary>
    public static string Escape(string? text, bool keepNewlines = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var first = IndexOfUnsafe(text, keepNewlines);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c, keepNewlines))
            {
                builder.Append(c);
            }
            else if (c <= '\u00FF')
            {
                builder.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The text escaped and in single quotes, for naming a value in a message.</summary>
    public static string Quote(string? text) => $"'{Escape(text)}'";

    /// <summary>The text without C0/C1 control characters, except newline and tab: what cleaning keeps.</summary>
    public static string StripControls(string text, out int removed)
    {
        removed = 0;
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsStrippable(c))
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                removed++;
                continue;
            }

            builder?.Append(c);
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>C0 and C1 controls and DEL, except tab, newline and carriage return (line layout handles those).</summary>
    public static bool IsStrippable(char c) =>
        (c < '\u0020' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007F' and <= '\u009F';

    private static int IndexOfUnsafe(string text, bool keepNewlines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i], keepNewlines))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c, bool keepNewlines) =>
        (c < '\u0020' && c != '\t' && !(keepNewlines && c == '\n'))
        || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
