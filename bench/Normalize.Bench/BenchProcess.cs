using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Normalize.Bench;

/// <summary>What the whole-process runners share: the repository, the Release CLI, child processes, arguments.</summary>
public static class BenchProcess
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Normalize.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the bench from inside the repository");
    }

    /// <summary>Builds the CLI in Release and returns its dll, or null after printing the build log.</summary>
    public static string? BuildCli(string root)
    {
        Console.Error.WriteLine("building the CLI (Release)…");
        if (Exec("dotnet", $"build -c Release -v q \"{Path.Combine(root, "src/Normalize.Cli")}\"", out var buildLog) != 0)
        {
            Console.Error.WriteLine(buildLog);
            return null;
        }

        return Path.Combine(root, "src/Normalize.Cli/bin/Release/net10.0/normalize.dll");
    }

    /// <summary>
    /// Publishes the CLI in Release to <paramref name="directory"/> (what users run: ReadyToRun code) and
    /// returns its dll, or null after printing the publish log.
    /// </summary>
    public static string? PublishCli(string root, string directory)
    {
        Console.Error.WriteLine("publishing the CLI (Release, ReadyToRun)…");
        if (Exec("dotnet", $"publish -c Release -v q -o \"{directory}\" \"{Path.Combine(root, "src/Normalize.Cli")}\"", out var log) != 0)
        {
            Console.Error.WriteLine(log);
            return null;
        }

        return Path.Combine(directory, "normalize.dll");
    }

    public static int Exec(string file, string arguments, out string log, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        log = stdout.Result + stderr;
        return process.ExitCode;
    }

    /// <summary>
    /// CPU seconds (user + system) used so far by this process's finished children: the work a child did,
    /// independent of how busy the machine was (wall time is not, on a shared 2-core box). Linux/macOS only.
    /// </summary>
    public static double ChildrenCpuSeconds()
    {
        if (OperatingSystem.IsWindows() || getrusage(RusageChildren, out var usage) != 0)
        {
            return double.NaN;
        }

        return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
    }

    /// <summary>The peak resident memory of the largest finished child process, in bytes (Linux: ru_maxrss is in KB).</summary>
    public static long ChildrenPeakRssBytes()
    {
        if (OperatingSystem.IsWindows() || getrusage(RusageChildren, out var usage) != 0)
        {
            return 0;
        }

        return usage.R1 * 1024;
    }

    private const int RusageChildren = -1;

    /// <summary>CPU seconds the calling thread has used (Linux CLOCK_THREAD_CPUTIME_ID): unlike wall time, not stretched while the thread waits for a core; NaN elsewhere.</summary>
    public static double ThreadCpuSeconds()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ClockThreadCpuTime, out var time) != 0)
        {
            return double.NaN;
        }

        return time.Seconds + time.Nanoseconds / 1e9;
    }

    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        // The rest of struct rusage: ru_maxrss (R1), then thirteen longs we do not read.
        public long R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out ResourceUsage usage);

    public static int IntArg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
