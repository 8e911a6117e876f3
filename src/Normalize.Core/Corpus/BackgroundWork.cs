namespace Normalize.Core.Corpus;

/// <summary>
/// Runs the side work of staging an article (writing its .txt, indexing its record) on the thread pool, at
/// most a fixed number of items at once, so the one thread that decides what is written in which order never
/// waits for the disk or the analyzer. Items must not depend on each other's order. The first failure is
/// thrown again by the next <see cref="Run"/> or by <see cref="WaitAll"/>. With one slot every item runs
/// inline, on the caller's thread.
/// </summary>
internal sealed class BackgroundWork
{
    private readonly int _slots;
    private readonly SemaphoreSlim? _free;
    private Exception? _failure;

    public BackgroundWork(int slots)
    {
        _slots = Math.Max(1, slots);
        _free = _slots > 1 ? new SemaphoreSlim(_slots, _slots) : null;
    }

    public void Run(Action work)
    {
        ThrowIfFailed();
        if (_free is null)
        {
            work();
            return;
        }

        _free.Wait();
        Task.Run(() =>
        {
            try
            {
                work();
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref _failure, ex, null);
            }
            finally
            {
                _free.Release();
            }
        });
    }

    /// <summary>Waits until every item has run; throws the first failure.</summary>
    public void WaitAll()
    {
        Drain();
        ThrowIfFailed();
    }

    /// <summary>Waits until every item has run, whatever happened to them (before their files are removed).</summary>
    public void Drain()
    {
        if (_free is null)
        {
            return;
        }

        for (var i = 0; i < _slots; i++)
        {
            _free.Wait();
        }

        _free.Release(_slots);
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
