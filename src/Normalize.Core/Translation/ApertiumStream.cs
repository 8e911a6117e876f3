using System.Text;

namespace Normalize.Core.Translation;

/// <summary>
/// Apertium's stream format, as its txt deformatter (apertium-destxt) writes and apertium-retxt reads it:
/// the characters the pipeline uses as syntax are escaped with a backslash, formatting (line breaks, tabs)
/// travels in superblanks <c>[…]</c> that every program passes through untouched.
/// </summary>
public static class ApertiumStream
{
    /// <summary>Plain text → the stream. A NUL (the flush mark) cannot occur in it.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '[' or ']' or '^' or '$' or '/' or '@' or '<' or '>' or '{' or '}':
                    builder.Append('\\').Append(c);
                    break;
                case '\n' or '\r' or '\t' or '~':
                    builder.Append('[').Append(c).Append(']');
                    break;
                case '\0':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The stream → plain text: superblank brackets go (their content stays), escapes are undone.</summary>
    public static string Unescape(string stream)
    {
        var builder = new StringBuilder(stream.Length);
        for (var i = 0; i < stream.Length; i++)
        {
            var c = stream[i];
            if (c == '\\' && i + 1 < stream.Length)
            {
                builder.Append(stream[++i]);
            }
            else if (c is not ('[' or ']'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
