using System.Text.RegularExpressions;
using Normalize.Core.Names;
using Normalize.Core.Search;
using Normalize.Tests.Support;

namespace Normalize.Tests.Search;

public class NameSearchTests
{
    /// <summary>Every spelling in Rules/names/ that the names stage resolves to an entity finds the article naming that entity.</summary>
    [Fact]
    public void EveryResolvedVariantOfTheNamesDataFindsItsEntity()
    {
        var names = NameIndex.Default;
        using var dir = new TempDirectory();
        using var index = SearchIndex.Open(dir.File("index.lucene"), create: true);
        index.BeginBatch();
        for (var i = 0; i < names.Entities.Count; i++)
        {
            index.Upsert(SearchIndexTests.Record($"e{i}", null, $"A report that names {names.Entities[i].Canonical} twice: {names.Entities[i].Canonical}."));
        }

        index.CommitBatch();
        // What a user would type bare; " -word" would exclude the word, so such spellings are quoted.
        var plain = new Regex(@"^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$");
        var misses = new System.Collections.Concurrent.ConcurrentBag<string>();
        var checkedVariants = 0;
        Parallel.For(0, names.Entities.Count, i =>
        {
            var entity = names.Entities[i];
            foreach (var variant in entity.Variants.Select(v => v.Text).Append(entity.Canonical).Distinct())
            {
                if (!ReferenceEquals(names.Resolve(variant)?.Entity, entity))
                {
                    continue;
                }

                Interlocked.Increment(ref checkedVariants);
                var query = plain.IsMatch(variant) && !variant.Contains(" -", StringComparison.Ordinal) ? variant : "\"" + variant.Replace("\"", "\\\"") + "\"";
                var parsed = index.Parse(query);
                if (parsed.Query is null || !index.Search(parsed.Query, new SearchFilter(Limit: 50) { Snippets = false }).Hits.Any(h => h.Id == $"e{i}"))
                {
                    misses.Add($"{variant} → {entity.Canonical} ({parsed.Error ?? "not found"})");
                }
            }
        });

        Assert.True(checkedVariants > 1000, $"only {checkedVariants} variants checked");
        Assert.True(misses.Count == 0, $"{misses.Count} of {checkedVariants} variants not found:\n" + string.Join('\n', misses.Take(40)));
    }
}
