namespace Normalize.Core;

/// <summary>Fields of the names stage's entity spans.</summary>
public sealed partial class EntitySpan
{
    /// <summary>Stable id of the entity in the alias data ("person:zelenskyy", "geonames:698740").</summary>
    public string? Id { get; set; }

    /// <summary>
    /// True when the text is a metonym, or not the entity's own name: an acronym or a variant left as
    /// written (in quotes, in a sentence in another language); the rewrites themselves are in the change log.
    /// </summary>
    public bool Linked { get; set; }

    /// <summary>What a metonym stands for ("the Kremlin": Russian government; "Pyongyang": North Korea).</summary>
    public string? MetonymOf { get; set; }
}
