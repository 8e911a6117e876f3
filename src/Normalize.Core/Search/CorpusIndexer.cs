using System.Collections.Concurrent;
using Normalize.Core.Corpus;

namespace Normalize.Core.Search;

/// <summary>
/// Indexes corpus lines on several threads (Lucene's writer takes documents concurrently; analysis
/// is the cost). The outcome is the same as one thread's: when an id occurs twice, its last line wins.
/// </summary>
public static class CorpusIndexer
{
    /// <summary>Upserts every record of <paramref name="lines"/>; bad lines go to <paramref name="reportError"/> (line number, message), in order.</summary>
    public static int IndexLines(SearchIndex index, IEnumerable<string> lines, Action<int, string> reportError,
        int parallelism = 0, CancellationToken cancellation = default)
    {
        var lastLineOfId = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var errors = new ConcurrentBag<(int Line, string Message)>();
        var indexed = 0;
        var numbered = lines.Select((line, at) => (Line: line, Number: at + 1));
        Parallel.ForEach(numbered,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount, CancellationToken = cancellation },
            item =>
            {
                if (string.IsNullOrWhiteSpace(item.Line))
                {
                    return;
                }

                var record = CorpusRecord.Parse(item.Line, out var error);
                if (record is null)
                {
                    errors.Add((item.Number, error!));
                    return;
                }

                var existed = false;
                lastLineOfId.AddOrUpdate(record.Id, _ => item.Number, (_, seen) =>
                {
                    existed = true;
                    return Math.Max(seen, item.Number);
                });
                if (existed)
                {
                    duplicates[record.Id] = true;
                }

                index.Upsert(record);
                Interlocked.Increment(ref indexed);
            });

        if (!duplicates.IsEmpty)
        {
            // Two threads may have written an id's lines in either order: write the last line again.
            var wanted = duplicates.Keys.ToDictionary(id => lastLineOfId[id], id => id);
            foreach (var item in lines.Select((line, at) => (Line: line, Number: at + 1)))
            {
                if (wanted.ContainsKey(item.Number) && CorpusRecord.Parse(item.Line, out _) is { } record)
                {
                    index.Upsert(record);
                }
            }
        }

        foreach (var (line, message) in errors.OrderBy(e => e.Line))
        {
            reportError(line, message);
        }

        return indexed;
    }
}
