using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Normalize.Core.Search;

/// <summary>
/// Drops the alternatives of a query that cannot match in this index: an optional (SHOULD) term or phrase
/// with a word its field does not hold. A name widened to fifty spellings in ten scripts and four language
/// fields keeps the few the archive uses; the rest would each cost a weight and a scorer in every segment.
/// Nested groups of alternatives are merged into their parent for the same reason. Matches and scores do
/// not change: such a clause matches nothing, and BM25 sums clause scores (no coordination factor, no
/// query norm), so a group's sum is the sum of its members.
/// </summary>
internal sealed class QueryPruner
{
    private readonly IndexReader _reader;
    private readonly Dictionary<Term, bool> _exists = [];
    private readonly Dictionary<string, TermsEnum?[]> _enums = new(StringComparer.Ordinal);

    public QueryPruner(IndexReader reader)
    {
        _reader = reader;
    }

    /// <summary>
    /// Whether <paramref name="query"/> has enough alternatives (a widened name) to repay the look-ups; a
    /// plain word's four or so language fields are cheaper to search as they are.
    /// </summary>
    public static bool Worthwhile(Query query) => Leaves(query) > 8;

    private static int Leaves(Query query) => query is BooleanQuery boolean ? boolean.Clauses.Sum(c => Leaves(c.Query)) : 1;

    public Query Prune(Query query)
    {
        if (query is not BooleanQuery boolean || boolean.MinimumNumberShouldMatch != 0)
        {
            return query;
        }

        var pruned = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost };
        foreach (var clause in boolean.Clauses)
        {
            var inner = Prune(clause.Query);
            if (clause.Occur != Occur.SHOULD)
            {
                pruned.Add(inner, clause.Occur);
            }
            else if (inner is BooleanQuery { Boost: 1f, MinimumNumberShouldMatch: 0 } group && group.Clauses.All(c => c.Occur == Occur.SHOULD))
            {
                foreach (var member in group.Clauses)
                {
                    pruned.Add(member.Query, Occur.SHOULD);
                }
            }
            else if (CanMatch(inner))
            {
                pruned.Add(inner, Occur.SHOULD);
            }
        }

        return pruned.Clauses.Count == 1 && pruned.Boost == 1f && pruned.Clauses[0].Occur == Occur.SHOULD ? pruned.Clauses[0].Query : pruned;
    }

    private bool CanMatch(Query query) => query switch
    {
        TermQuery term => Exists(term.Term),
        PhraseQuery phrase => phrase.GetTerms() is { Length: > 0 } terms && terms.All(Exists),
        BooleanQuery boolean => boolean.Clauses.Count > 0,
        _ => true,
    };

    /// <summary>Whether any segment holds <paramref name="term"/> (one terms enumerator per field and segment, reused).</summary>
    private bool Exists(Term term)
    {
        if (_exists.TryGetValue(term, out var known))
        {
            return known;
        }

        if (!_enums.TryGetValue(term.Field, out var enums))
        {
            _enums[term.Field] = enums = _reader.Leaves.Select(leaf => leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator()).ToArray();
        }

        var exists = enums.Any(e => e is not null && e.SeekExact(term.Bytes));
        _exists[term] = exists;
        return exists;
    }
}
