using System.Diagnostics;

namespace Normalize.Core.Corpus;

/// <summary>
/// Named moments of a commit where the crash tests kill the process (NORMALIZE_CRASH_AT=name): the same
/// SIGKILL as `kill -9`, at a moment a timer could hit only by luck.
/// </summary>
internal static class FaultInjection
{
    private static readonly string? CrashAt = Environment.GetEnvironmentVariable("NORMALIZE_CRASH_AT");

    public static void Point(string name)
    {
        if (CrashAt == name)
        {
            Process.GetCurrentProcess().Kill();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
