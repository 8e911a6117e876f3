namespace Normalize.Core.Pipeline;

/// <summary>
/// One named transformation of an <see cref="Article"/>. A stage reads and writes the article
/// only, logs every text edit (through <see cref="TextEdits"/>) and is idempotent: running it on
/// its own output changes nothing.
/// </summary>
public interface IStage
{
    /// <summary>One of <see cref="StageNames"/>; unique within a pipeline.</summary>
    string Name { get; }

    void Process(Article article);
}

/// <summary>The fixed stage names, in pipeline order.</summary>
public static class StageNames
{
    public const string Boilerplate = "boilerplate";
    public const string Language = "language";
    public const string Typography = "typography";
    public const string Repair = "repair";
    public const string Names = "names";
    public const string Units = "units";

    public static readonly IReadOnlyList<string> All = [Boilerplate, Language, Typography, Repair, Names, Units];
}
