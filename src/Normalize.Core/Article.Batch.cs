using Normalize.Core.Boilerplate;

namespace Normalize.Core;

/// <summary>What the batch knows about an article's site (not part of the record).</summary>
public sealed partial class Article
{
    /// <summary>Lines repeated across the batch's articles of each site; null when cleaning one article alone.</summary>
    public RepeatedLines? RepeatedLines { get; set; }
}
