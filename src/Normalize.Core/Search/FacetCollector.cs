using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Normalize.Core.Search;

/// <summary>
/// Counts every hit (not only the top N) by source host, language and month, from the sorted doc
/// values of each segment: an array increment per hit, strings looked up once per segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private static readonly string[] Fields = [SearchFields.HostFacet, SearchFields.LanguageFacet, SearchFields.MonthFacet];

    private readonly Dictionary<string, long>[] _totals = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly SortedDocValues?[] _values = new SortedDocValues?[3];
    private readonly int[][] _counts = [[], [], []];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < Fields.Length; i++)
        {
            var values = context.AtomicReader.GetSortedDocValues(Fields[i]);
            _values[i] = values;
            _counts[i] = values is null ? [] : new int[values.ValueCount + 1];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is { } values)
            {
                // Ord -1 (no value) lands in slot 0.
                _counts[i][values.GetOrd(doc) + 1]++;
            }
        }
    }

    public SearchFacets Result()
    {
        Flush();
        return new SearchFacets(Ordered(_totals[0]), Ordered(_totals[1]), Ordered(_totals[2], byKey: true));
    }

    private static IReadOnlyList<FacetCount> Ordered(Dictionary<string, long> counts, bool byKey = false) =>
        (byKey ? counts.OrderBy(c => c.Key, StringComparer.Ordinal) : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
            .Select(c => new FacetCount(c.Key, c.Value)).ToList();

    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            var counts = _counts[i];
            for (var slot = 0; slot < counts.Length; slot++)
            {
                if (counts[slot] == 0)
                {
                    continue;
                }

                string key;
                if (slot == 0)
                {
                    key = "(none)";
                }
                else
                {
                    values.LookupOrd(slot - 1, term);
                    key = term.Utf8ToString();
                }

                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[slot];
            }

            _values[i] = null;
            _counts[i] = [];
        }
    }
}

/// <summary>Hit counts over all matches: by source host, by language, by month (yyyy-MM).</summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Sources, IReadOnlyList<FacetCount> Languages, IReadOnlyList<FacetCount> Months);

public sealed record FacetCount(string Value, long Count);
