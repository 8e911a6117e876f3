using System.Text.RegularExpressions;

namespace Normalize.Core.Text;

/// <summary>
/// A regular expression built from rule files, run interpreted until it has been used often enough to repay
/// compiling it, then compiled on a pool thread and swapped in (the two match alike). Small batches start
/// fast; big ones run fast. Safe to share between threads.
/// </summary>
public sealed class WarmingRegex
{
    /// <summary>Uses after which compiling pays: ~0.1–0.7 s of CPU to compile a long alternation, ~20 µs saved per use.</summary>
    public const int UsesBeforeCompiling = 30_000;

    private Regex _current;
    private int _uses;

    public WarmingRegex(Regex interpreted) => _current = interpreted;

    /// <summary>The regex to match with now (counts one use).</summary>
    public Regex Current
    {
        get
        {
            if (_uses < UsesBeforeCompiling && Interlocked.Increment(ref _uses) == UsesBeforeCompiling)
            {
                var interpreted = _current;
                Task.Run(() => Volatile.Write(ref _current, new Regex(interpreted.ToString(), interpreted.Options | RegexOptions.Compiled, interpreted.MatchTimeout)));
            }

            return Volatile.Read(ref _current);
        }
    }

    /// <summary>Whether the compiled form is in use (for tests).</summary>
    public bool IsCompiled => (Volatile.Read(ref _current).Options & RegexOptions.Compiled) != 0;
}
