using System.IO.Compression;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneCompressionMode = Lucene.Net.Codecs.Compressing.CompressionMode;

namespace Normalize.Core.Search;

/// <summary>
/// Lucene 4.6's codec with the stored fields (the corpus record, most of the index) deflated in chunks of
/// 32 KB instead of Lucene's 16 KB, which shrinks them by a tenth; reading a hit inflates its chunk only
/// up to that article, so a hit costs what it did with the smaller chunks.
/// </summary>
[CodecName("Normalize46")]
public sealed class NormalizeCodec : FilterCodec
{
    private const int ChunkBytes = 1 << 15;

    private static readonly StoredFieldsFormat Stored = new CompressingStoredFieldsFormat("NormalizeStoredFields32", PartialDeflate.Instance, ChunkBytes);

    public NormalizeCodec() : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => Stored;

    private static int _registered;

    /// <summary>Makes the codec known to Lucene by name (readers look codecs up by the name in each segment).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(NormalizeCodec)] });
        }
    }

    /// <summary>
    /// Deflate (zlib level 6) over a chunk of documents; a document is read by inflating the chunk up to its
    /// end, not the whole chunk. One instance: Lucene copies chunks unchanged in merges when modes are the same object.
    /// </summary>
    private sealed class PartialDeflate : LuceneCompressionMode
    {
        public static readonly PartialDeflate Instance = new();

        public override Compressor NewCompressor() => new ChunkCompressor();

        public override Decompressor NewDecompressor() => new ChunkDecompressor();

        public override string ToString() => "PartialDeflate";
    }

    private sealed class ChunkCompressor : Compressor
    {
        private static readonly ZLibCompressionOptions Level = new() { CompressionLevel = 6 };
        private readonly MemoryStream _buffer = new();

        public override void Compress(byte[] bytes, int off, int len, DataOutput output)
        {
            _buffer.SetLength(0);
            using (var deflate = new DeflateStream(_buffer, Level, leaveOpen: true))
            {
                deflate.Write(bytes, off, len);
            }

            output.WriteVInt32((int)_buffer.Length);
            output.WriteBytes(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        }
    }

    private sealed class ChunkDecompressor : Decompressor
    {
        private byte[] _compressed = [];

        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            var compressedLength = input.ReadVInt32();
            if (_compressed.Length < compressedLength)
            {
                _compressed = new byte[ArrayUtil.Oversize(compressedLength, 1)];
            }

            input.ReadBytes(_compressed, 0, compressedLength);
            var needed = offset + length;
            if (length == 0)
            {
                bytes.Length = 0;
                return;
            }

            if (bytes.Bytes.Length < needed)
            {
                bytes.Bytes = new byte[ArrayUtil.Oversize(needed, 1)];
            }

            using (var inflate = new DeflateStream(new MemoryStream(_compressed, 0, compressedLength), System.IO.Compression.CompressionMode.Decompress))
            {
                if (inflate.ReadAtLeast(bytes.Bytes.AsSpan(0, needed), needed, throwOnEndOfStream: false) < needed)
                {
                    throw new Lucene.Net.Index.CorruptIndexException($"a stored fields chunk inflates to fewer than {needed} bytes");
                }
            }

            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => new ChunkDecompressor();
    }
}
