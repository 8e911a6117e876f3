using Normalize.Core.Names;
using Normalize.Tests.Support;

namespace Normalize.Tests.Names;

public class NameAliasTableTests
{
    private static readonly Lazy<NameAliasTable> Table = new(() => NameAliasTable.Build(NameIndex.Default));

    /// <summary>Search widens a name exactly as the names stage resolves it: every spelling, as written and in any case or accents.</summary>
    [Fact]
    public void EverySpellingTheNamesIndexResolvesGivesThatEntitysVariants()
    {
        var names = NameIndex.Default;
        var spellings = names.ExactAliases.Keys.Concat(names.FoldedAliases.Keys)
            .SelectMany(s => new[] { s, s.ToUpperInvariant(), s.ToLowerInvariant(), $"  {s} " }).Distinct(StringComparer.Ordinal).ToList();
        var wrong = new List<string>();
        foreach (var spelling in spellings)
        {
            var expected = names.Resolve(spelling) is { } alias ? NameAliasTable.ExpansionOf(alias.Entity).ToList() : null;
            var actual = Table.Value.VariantsOf(spelling);
            if (expected is null ? actual is not null : actual is null || !expected.SequenceEqual(actual))
            {
                wrong.Add($"{spelling}: expected {(expected is null ? "none" : string.Join("|", expected))}, got {(actual is null ? "none" : string.Join("|", actual))}");
            }
        }

        Assert.True(spellings.Count > 10_000, $"only {spellings.Count} spellings");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {spellings.Count} differ:\n" + string.Join('\n', wrong.Take(20)));
    }

    [Theory]
    [InlineData("Kiew", "Kyiv")]
    [InlineData("charkiw", "Kharkiv")]
    [InlineData("Schoigu", "Sergei Shoigu")]
    public void ALookupGivesTheCanonicalAndAliases(string query, string canonical)
    {
        var variants = Table.Value.VariantsOf(query);
        Assert.NotNull(variants);
        Assert.Equal(canonical, variants[0]);
        Assert.True(Table.Value.IsName(query));
    }

    [Theory]
    [InlineData("missile")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Kyivx")]
    public void AWordThatIsNoNameHasNoVariants(string query)
    {
        Assert.Null(Table.Value.VariantsOf(query));
        Assert.False(Table.Value.IsName(query));
    }

    [Fact]
    public void TheCachedTableIsReadBackWithoutLoadingTheNamesFiles()
    {
        using var dir = new TempDirectory();
        var built = NameAliasTable.LoadOrBuild(dir.Path, () => NameIndex.Default);
        var file = Assert.Single(Directory.GetFiles(dir.Path));
        Assert.Equal(NameAliasTable.CacheFileName(NameAliasTable.Key()), Path.GetFileName(file));

        var cached = NameAliasTable.LoadOrBuild(dir.Path, () => throw new InvalidOperationException("the names files were loaded"));
        Assert.Equal(built.EntityCount, cached.EntityCount);
        Assert.Equal(built.VariantsOf("Kiew"), cached.VariantsOf("Kiew"));
    }

    [Fact]
    public void ADamagedOrForeignCacheFileIsBuiltAgain()
    {
        using var dir = new TempDirectory();
        NameAliasTable.LoadOrBuild(dir.Path, () => NameIndex.Default);
        var file = Directory.GetFiles(dir.Path).Single();
        var whole = File.ReadAllBytes(file);

        foreach (var damaged in new[] { whole[..(whole.Length / 2)], Foreign(whole), Enumerable.Repeat((byte)0xFF, whole.Length).ToArray() })
        {
            File.WriteAllBytes(file, damaged);
            var loaded = 0;
            var table = NameAliasTable.LoadOrBuild(dir.Path, () =>
            {
                loaded++;
                return NameIndex.Default;
            });
            Assert.Equal(1, loaded);
            Assert.Equal("Kyiv", table.VariantsOf("Kiew")![0]);
            Assert.Equal(whole, File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void ACacheThatCannotBeWrittenStillGivesTheTable()
    {
        using var dir = new TempDirectory();
        var notADirectory = dir.Write("cache", "a file where the cache folder would be");
        var table = NameAliasTable.LoadOrBuild(notADirectory, () => NameIndex.Default);
        Assert.Equal("Kyiv", table.VariantsOf("Kiew")![0]);
        Assert.Equal("a file where the cache folder would be", File.ReadAllText(notADirectory));
    }

    /// <summary>The same table under another build's key.</summary>
    private static byte[] Foreign(byte[] whole)
    {
        var copy = whole.ToArray();
        copy[8] ^= 0xFF;
        return copy;
    }
}
