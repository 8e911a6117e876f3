namespace Normalize.Core.Corpus;

/// <summary>
/// One writer per output folder: an exclusive OS lock (flock on Unix) on <c>.normalize/lock</c>,
/// released by the kernel when the process ends, however it ends, so a killed run never leaves a stale lock.
/// </summary>
internal sealed class CorpusLock : IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _stream;

    private CorpusLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or waits for it (<paramref name="wait"/>), or throws <see cref="CorpusLockedException"/>.</summary>
    public static CorpusLock Acquire(string folder, string displayName, bool wait, Action<string> onWaiting, CancellationToken cancellation)
    {
        var path = Path.Combine(folder, "lock");
        var ownerPath = Path.Combine(folder, "lock.owner");
        var announced = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(ownerPath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return new CorpusLock(stream);
            }
            catch (IOException) when (File.Exists(path))
            {
                var owner = ReadOwner(ownerPath);
                var who = owner is null ? "another clean run" : $"another clean run (pid {owner})";
                if (!wait)
                {
                    throw new CorpusLockedException($"{displayName} is being written by {who}; try again when it ends, or pass --wait");
                }

                if (!announced)
                {
                    onWaiting($"{displayName} is being written by {who}; waiting for it to finish");
                    announced = true;
                }

                cancellation.WaitHandle.WaitOne(RetryEvery);
                cancellation.ThrowIfCancellationRequested();
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string? ReadOwner(string ownerPath)
    {
        try
        {
            return File.ReadAllText(ownerPath).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
