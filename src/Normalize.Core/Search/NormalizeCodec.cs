using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Normalize.Core.Search;

/// <summary>
/// Lucene 4.6's codec with the stored fields deflated (HIGH_COMPRESSION) instead of LZ4: the stored
/// corpus record is most of the index, and reading back ten hits a query costs little.
/// </summary>
[CodecName("Normalize46")]
public sealed class NormalizeCodec : FilterCodec
{
    private static readonly StoredFieldsFormat Stored = new CompressingStoredFieldsFormat("NormalizeStoredFields", CompressionMode.HIGH_COMPRESSION, 1 << 14);

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
}
