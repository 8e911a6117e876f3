namespace Normalize.Core.Repair;

/// <summary>
/// One family of repairs, Lucene TokenFilter style: it reads the current text and returns the edits
/// of its one transformation (each named by its rule); the stage applies them before the next filter runs.
/// </summary>
public interface IRepairFilter
{
    string Rule { get; }

    IReadOnlyList<TextEdit> Find(RepairContext context);
}

/// <summary>Finds sentences to flag; never edits.</summary>
public interface IGarbleDetector
{
    void Detect(RepairContext context, IReadOnlyList<SentenceRange> sentences);
}
