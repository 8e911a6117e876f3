using System.Text;
using System.Text.Unicode;
using System.Text.RegularExpressions;

namespace Normalize.Core.Ingest.Html;

/// <summary>
/// Bytes of a page to text: a byte-order mark first, then a &lt;meta charset&gt; or http-equiv
/// Content-Type declaration (or an XML declaration) in the first 4 KB, then strict UTF-8 with
/// Windows-1252 as the fallback (see <see cref="TextDecoder"/>).
/// </summary>
public static partial class HtmlDecoding
{
    private const int PrescanBytes = 4096;

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (HasBom(bytes))
        {
            return TextDecoder.Decode(bytes);
        }

        if (TextDecoder.LooksBinary(bytes))
        {
            return new DecodeResult(null, null, "binary data, not HTML");
        }

        var declared = DeclaredEncoding(bytes);
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage)
        {
            return TextDecoder.Decode(bytes);
        }

        // A page saved as UTF-8 often keeps its old declaration; valid multi-byte UTF-8 is almost
        // never an accident of a legacy encoding, so it wins over the declaration.
        if (HasMultiByteUtf8(bytes) && Utf8.IsValid(bytes))
        {
            return TextDecoder.Decode(bytes);
        }

        return new DecodeResult(declared.GetString(bytes), null, null);
    }

    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>The encoding a page declares in its head, or null (unknown names are ignored).</summary>
    public static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        _ = TextDecoder.Windows1252; // registers the code-page encodings
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var match = MetaCharset().Match(head);
        if (!match.Success)
        {
            match = XmlEncoding().Match(head);
        }

        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim().ToLowerInvariant();

        // As browsers do: Latin-1 and ASCII labels mean Windows-1252; a UTF-16 label on ASCII-compatible bytes means UTF-8.
        name = name switch
        {
            "iso-8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252" => "windows-1252",
            "utf-16" or "utf-16le" or "utf-16be" or "utf8" or "unicode" => "utf-8",
            "gb2312" or "gbk" or "x-gbk" => "gb18030",
            "x-sjis" or "sjis" or "shift-jis" => "shift_jis",
            "win-1251" or "cp1251" => "windows-1251",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasBom(ReadOnlySpan<byte> bytes) =>
        (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        || (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)));

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""'](?<name>[A-Za-z0-9_.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
