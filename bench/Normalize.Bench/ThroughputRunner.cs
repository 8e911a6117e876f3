namespace Normalize.Bench;

/// <summary>Placeholder replaced below once the CLI exists.</summary>
public static class ThroughputRunner
{
    public static int Run(string[] args) => 0;
}
