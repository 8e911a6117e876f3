using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Normalize.Core.Diagnostics;

/// <summary>
/// What a process cost, read from the runtime itself (no profiler attached): CPU, peak resident memory,
/// bytes allocated, time paused for garbage collection, methods JIT-compiled. Written as one JSON object
/// when <see cref="EnvironmentVariable"/> names a file, so the scale bench can measure the real CLI.
/// </summary>
public sealed record RuntimeStats(
    double WallSeconds,
    double CpuSeconds,
    long PeakRssBytes,
    long AllocatedBytes,
    double GcPauseSeconds,
    int Gen0,
    int Gen1,
    int Gen2,
    long JitMethods,
    double JitSeconds)
{
    public const string EnvironmentVariable = "NORMALIZE_RUNTIME_STATS";

    /// <summary>Share of the wall time the process spent paused for GC.</summary>
    public double GcShare => WallSeconds > 0 ? GcPauseSeconds / WallSeconds : 0;

    public static RuntimeStats Capture()
    {
        using var process = Process.GetCurrentProcess();
        return new RuntimeStats(
            (DateTime.Now - process.StartTime).TotalSeconds,
            process.TotalProcessorTime.TotalSeconds,
            PeakRss(process),
            GC.GetTotalAllocatedBytes(precise: false),
            GC.GetTotalPauseDuration().TotalSeconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            System.Runtime.JitInfo.GetCompiledMethodCount(),
            System.Runtime.JitInfo.GetCompilationTime().TotalSeconds);
    }

    /// <summary>Writes <see cref="Capture"/> to the file the environment variable names, if it names one.</summary>
    public static void WriteIfRequested()
    {
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(path))
        {
            File.WriteAllText(path, JsonSerializer.Serialize(Capture(), RuntimeStatsJson.Default.RuntimeStats));
        }
    }

    public static RuntimeStats? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), RuntimeStatsJson.Default.RuntimeStats) : null;

    /// <summary>VmHWM from /proc (the kernel's high-water mark); elsewhere the runtime's peak working set.</summary>
    private static long PeakRss(Process process)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return process.PeakWorkingSet64;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(RuntimeStats))]
internal sealed partial class RuntimeStatsJson : System.Text.Json.Serialization.JsonSerializerContext;
