namespace Normalize.Bench;

/// <summary>Placeholder until the names matcher lands (same commit series).</summary>
public static class NamesEvaluation
{
    public static int Run(string folder) => 0;
}
