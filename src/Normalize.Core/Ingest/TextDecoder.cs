using System.Text;

namespace Normalize.Core.Ingest;

/// <summary>
/// Bytes to text: BOM-aware UTF-8/UTF-16, UTF-8 otherwise, and Windows-1252 for files that are
/// mostly not valid UTF-8 (scraped Latin-1 pages), so "Oekraïne" never becomes "Oekra�ne" or "OekraÃ¯ne".
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 { get; } = GetWindows1252();

    /// <summary>Decodes <paramref name="bytes"/>; returns null text with a reason when the bytes are not text.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return DecodeUtf8(bytes[3..]);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return new DecodeResult(Encoding.Unicode.GetString(bytes[2..]), null, null);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return new DecodeResult(Encoding.BigEndianUnicode.GetString(bytes[2..]), null, null);
        }

        if (LooksBinary(bytes))
        {
            return new DecodeResult(null, null, "binary data, not text");
        }

        return DecodeUtf8(bytes);
    }

    /// <summary>NUL bytes or many control characters in the first 8 KB mean binary.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        return sample.Length > 0 && control * 20 > sample.Length;
    }

    /// <summary>
    /// Strict UTF-8 when it is; otherwise decided by the share of valid UTF-8: a file whose non-ASCII
    /// is mostly valid UTF-8 sequences is UTF-8 with a few stray bytes (each read as Windows-1252,
    /// the usual source of a stray byte), else the whole file is Windows-1252.
    /// </summary>
    private static DecodeResult DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new DecodeResult(StrictUtf8.GetString(bytes), null, null);
        }
        catch (DecoderFallbackException)
        {
        }

        var (valid, invalid) = CountUtf8Sequences(bytes);
        if (valid < invalid)
        {
            return new DecodeResult(Windows1252.GetString(bytes), "not valid UTF-8; decoded as Windows-1252", null);
        }

        var text = new StringBuilder(bytes.Length);
        var position = 0;
        while (position < bytes.Length)
        {
            var length = ValidSequenceLength(bytes[position..]);
            if (length > 0)
            {
                text.Append(Encoding.UTF8.GetString(bytes.Slice(position, length)));
                position += length;
            }
            else
            {
                text.Append(Windows1252.GetString(bytes.Slice(position, 1)));
                position++;
            }
        }

        var noun = invalid == 1 ? "byte" : "bytes";
        return new DecodeResult(text.ToString(), $"{invalid} invalid UTF-8 {noun} read as Windows-1252 (the rest is UTF-8)", null);
    }

    /// <summary>Multi-byte UTF-8 sequences that are valid, and bytes (≥ 0x80) that start none.</summary>
    private static (int Valid, int Invalid) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        var valid = 0;
        var invalid = 0;
        var position = 0;
        while (position < bytes.Length)
        {
            if (bytes[position] < 0x80)
            {
                position++;
                continue;
            }

            var length = ValidSequenceLength(bytes[position..]);
            if (length > 0)
            {
                valid++;
                position += length;
            }
            else
            {
                invalid++;
                position++;
            }
        }

        return (valid, invalid);
    }

    /// <summary>The length of the well-formed UTF-8 sequence at the start of <paramref name="bytes"/>, 0 if none.</summary>
    private static int ValidSequenceLength(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
        return status == System.Buffers.OperationStatus.Done ? consumed : 0;
    }

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}

/// <param name="Text">The decoded text, or null when the bytes are not text.</param>
/// <param name="Warning">A note for the user (the text is still usable).</param>
/// <param name="Error">Why the bytes are not text.</param>
public readonly record struct DecodeResult(string? Text, string? Warning, string? Error);
