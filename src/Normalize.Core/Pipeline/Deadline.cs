namespace Normalize.Core;

/// <summary>
/// A time budget for one piece of work (a page's extraction, an article's cleaning), checked by the work's own
/// loops: <see cref="Check"/> throws <see cref="BudgetExceededException"/> once the time is spent, so whoever
/// started the work decides what is kept. The clock is injectable so tests can run out of time deterministically.
/// </summary>
public sealed class Deadline
{
    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly string _what;

    /// <param name="budget">The time allowed; <see cref="Timeout.InfiniteTimeSpan"/> never runs out.</param>
    /// <param name="what">Names the budget in the message, e.g. "per-document" or "per-article".</param>
    public Deadline(TimeSpan budget, string what, TimeProvider? clock = null)
    {
        Budget = budget;
        _what = what;
        _clock = clock ?? TimeProvider.System;
        _start = _clock.GetTimestamp();
    }

    /// <summary>A deadline that never runs out.</summary>
    public static Deadline None { get; } = new(Timeout.InfiniteTimeSpan, "unlimited");

    public TimeSpan Budget { get; }

    public bool Expired => Budget != Timeout.InfiniteTimeSpan && _clock.GetElapsedTime(_start) >= Budget;

    /// <summary>Throws <see cref="BudgetExceededException"/> when the budget is spent.</summary>
    public void Check()
    {
        if (Expired)
        {
            throw Exceeded();
        }
    }

    /// <summary>The exception that says this budget is spent.</summary>
    public BudgetExceededException Exceeded() => new($"took longer than the {Budget.TotalSeconds:0.###} s {_what} time budget");

    /// <summary>
    /// A cancellation that fires when the time left runs out, for work that waits on something else (a
    /// translation backend) and so cannot check in a loop; never fires for an unlimited budget. Dispose it.
    /// </summary>
    public CancellationTokenSource CancelWhenSpent()
    {
        if (Budget == Timeout.InfiniteTimeSpan)
        {
            return new CancellationTokenSource();
        }

        var left = Budget - _clock.GetElapsedTime(_start);
        return left <= TimeSpan.Zero ? CancelledSource() : new CancellationTokenSource(left);
    }

    private static CancellationTokenSource CancelledSource()
    {
        var source = new CancellationTokenSource();
        source.Cancel();
        return source;
    }
}

/// <summary>Work stopped because its time budget (<see cref="Deadline"/>) ran out.</summary>
public sealed class BudgetExceededException(string message) : Exception(message);
