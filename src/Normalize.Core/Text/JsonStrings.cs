using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Normalize.Core;

/// <summary>
/// Reads JSON strings that System.Text.Json refuses: a lone surrogate escape ("\ud800") is valid
/// JSON but not valid UTF-16 text, and <see cref="JsonElement.GetString"/> throws on it. Here it
/// becomes U+FFFD, so one odd record is read (with a warning) instead of aborting the batch.
/// </summary>
public static class JsonStrings
{
    /// <summary>The string value of <paramref name="element"/> (a JSON string); lone surrogates become U+FFFD.</summary>
    public static string Read(JsonElement element, out bool repaired)
    {
        repaired = false;
        if (element.ValueEquals(string.Empty))
        {
            return string.Empty;
        }

        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            repaired = true;
            return ReplaceLoneSurrogates(Unescape(element.GetRawText()));
        }
    }

    /// <summary>The string at <paramref name="reader"/> (a JSON string token); lone surrogates become U+FFFD.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
            return ReplaceLoneSurrogates(Unescape("\"" + raw + "\""));
        }
    }

    /// <summary>The named string property, or null when absent or not a string; lone surrogates become U+FFFD.</summary>
    public static string? Property(JsonElement root, string name, ref bool repaired)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = Read(value, out var fixedHere);
        repaired |= fixedHere;
        return text;
    }

    /// <summary>Text with every unpaired UTF-16 surrogate replaced by U+FFFD.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (paired)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            builder.Append('\uFFFD');
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>A raw JSON string literal (with its quotes) to its characters, surrogates unchecked.</summary>
    private static string Unescape(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length - 1)
            {
                builder.Append(c);
                continue;
            }

            var escape = raw[++i];
            switch (escape)
            {
                case 'u' when i + 4 < raw.Length
                    && int.TryParse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                default: builder.Append(escape); break;
            }
        }

        return builder.ToString();
    }
}
