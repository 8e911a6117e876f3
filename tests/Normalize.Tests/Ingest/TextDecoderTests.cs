using System.Text;
using Normalize.Core.Ingest;

namespace Normalize.Tests.Ingest;

public class TextDecoderTests
{
    [Fact]
    public void Utf8WithBomLosesTheBom()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Kyiv – Oekraïne")).ToArray();
        var result = TextDecoder.Decode(bytes);
        Assert.Equal("Kyiv – Oekraïne", result.Text);
        Assert.Null(result.Warning);
    }

    [Fact]
    public void InvalidUtf8IsReadAsWindows1252WithAWarning()
    {
        // "Oekraïne – 5 €" in Windows-1252: ï = 0xEF, en dash = 0x96, euro = 0x80.
        var bytes = Encoding.ASCII.GetBytes("Oekra").Append((byte)0xEF).Concat(Encoding.ASCII.GetBytes("ne "))
            .Append((byte)0x96).Concat(Encoding.ASCII.GetBytes(" 5 ")).Append((byte)0x80).ToArray();
        var result = TextDecoder.Decode(bytes);
        Assert.Equal("Oekraïne – 5 €", result.Text);
        Assert.Contains("Windows-1252", result.Warning);
        Assert.DoesNotContain('\uFFFD', result.Text!);
    }

    [Fact]
    public void OneStrayByteInAUtf8FileDoesNotTurnTheFileIntoWindows1252()
    {
        // Valid UTF-8 "Oekraïne" and "€", plus one Windows-1252 "é" (0xE9) pasted in.
        var bytes = Encoding.UTF8.GetBytes("De Oekraïne kost 5 € per caf").Append((byte)0xE9).Concat(Encoding.UTF8.GetBytes(".")).ToArray();
        var result = TextDecoder.Decode(bytes);
        Assert.Equal("De Oekraïne kost 5 € per café.", result.Text);
        Assert.Equal("1 invalid UTF-8 byte read as Windows-1252 (the rest is UTF-8)", result.Warning);
    }

    [Fact]
    public void Utf16WithBomIsDecoded()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("Charkiw")).ToArray();
        Assert.Equal("Charkiw", TextDecoder.Decode(bytes).Text);
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 })]
    public void BinaryBytesAreNotText(byte[] bytes)
    {
        var result = TextDecoder.Decode(bytes);
        Assert.Null(result.Text);
        Assert.Equal("binary data, not text", result.Error);
    }
}
