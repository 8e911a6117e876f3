namespace Normalize.Core;

/// <summary>Fields of the names stage's entity spans.</summary>
public sealed partial class EntitySpan
{
    /// <summary>Stable id of the entity in the alias data ("person:zelenskyy", "geonames:698740").</summary>
    public string? Id { get; set; }

    /// <summary>True when the span only links the entity (acronym, metonym, correct English form) and the text was left as written.</summary>
    public bool Linked { get; set; }

    /// <summary>The text as it was before the names stage rewrote it, when it did.</summary>
    public string? Original { get; set; }

    /// <summary>What a metonym stands for ("the Kremlin": Russian government; "Pyongyang": North Korea).</summary>
    public string? MetonymOf { get; set; }
}
