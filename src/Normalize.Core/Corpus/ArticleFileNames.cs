using System.Security.Cryptography;
using System.Text;

namespace Normalize.Core.Corpus;

/// <summary>
/// The name of an article's .txt file: the id itself when it is a safe, short file name, else the
/// sanitised id cut to a byte budget plus a hash of the whole id, so two ids never share a file.
/// </summary>
public static class ArticleFileNames
{
    public const string Extension = ".txt";

    /// <summary>
    /// Bytes of the name before ".txt". File names are limited to 255 bytes (not characters); this
    /// leaves room for the extension and for temporary names other tools put around a file.
    /// </summary>
    public const int MaxStemBytes = 200;

    private const int HashChars = 10;

    public static string For(string id)
    {
        var sanitised = Sanitise(id);
        if (sanitised == id && id.Length > 0 && Encoding.UTF8.GetByteCount(id) <= MaxStemBytes)
        {
            return id + Extension;
        }

        // '~' never survives sanitising unchanged into a hashed name's tail, so a hashed name cannot
        // be an unchanged id that happens to look like one.
        var suffix = "~" + Hash(id);
        var stem = TruncateToBytes(sanitised, MaxStemBytes - suffix.Length);
        return stem + suffix + Extension;
    }

    private static string Sanitise(string id)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var builder = new StringBuilder(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                builder.Append(c).Append(id[++i]);
                continue;
            }

            // A lone surrogate has no UTF-8 form: two such ids would land on one file name.
            var unsafeChar = invalid.Contains(c) || c is '\\' or '~' || char.IsControl(c) || char.IsSurrogate(c);
            builder.Append(unsafeChar ? '_' : c);
        }

        // A leading dot hides the file (and "." / ".." are not files); trailing dots and spaces are lost on some systems.
        return builder.ToString().TrimStart('.').TrimEnd('.', ' ');
    }

    private static string Hash(string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..HashChars];

    /// <summary>The longest prefix within <paramref name="maxBytes"/> UTF-8 bytes, never splitting a surrogate pair.</summary>
    private static string TruncateToBytes(string text, int maxBytes)
    {
        var bytes = 0;
        var end = 0;
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            end += width;
        }

        return text[..end];
    }
}
