using Normalize.Core.Translation;
using Normalize.Tests.Support;

namespace Normalize.Tests.Translation;

public class TranslationCacheTests
{
    [Fact]
    public void EntriesSurviveReopeningAndAreKeyedByBackendLanguagesAndText()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cache.jsonl");
        using (var cache = TranslationCache.Open(path, out _))
        {
            cache.Add(TranslationCache.Key("apertium", "es", "en", "Hola."), "Hello.", "apertium 3.8.3 spa-eng");
        }

        using var reopened = TranslationCache.Open(path, out var skipped);
        Assert.Equal(0, skipped);
        Assert.True(reopened.TryGet(TranslationCache.Key("apertium", "es", "en", "Hola."), out var text, out var translator));
        Assert.Equal("Hello.", text);
        Assert.Equal("apertium 3.8.3 spa-eng", translator);
        Assert.False(reopened.TryGet(TranslationCache.Key("azure", "es", "en", "Hola."), out _, out _));
        Assert.False(reopened.TryGet(TranslationCache.Key("apertium", "ca", "en", "Hola."), out _, out _));
    }

    [Fact]
    public void ALineCutShortByACrashIsSkippedAndDoesNotSwallowTheNextEntry()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cache.jsonl");
        using (var cache = TranslationCache.Open(path, out _))
        {
            cache.Add("a", "A", "t");
        }

        File.AppendAllText(path, """{"key":"b","text":"B""");
        using (var cache = TranslationCache.Open(path, out var skipped))
        {
            Assert.Equal(1, skipped);
            cache.Add("c", "C", "t");
        }

        using var reopened = TranslationCache.Open(path, out var again);
        Assert.Equal(1, again);
        Assert.True(reopened.TryGet("a", out _, out _));
        Assert.False(reopened.TryGet("b", out _, out _));
        Assert.True(reopened.TryGet("c", out var c, out _));
        Assert.Equal("C", c);
    }

    [Fact]
    public void ConcurrentWritersLoseNoEntry()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cache.jsonl");
        using (var cache = TranslationCache.Open(path, out _))
        {
            Parallel.For(0, 500, i => cache.Add($"k{i}", new string('x', i % 50) + "ü\n\"", "t"));
        }

        using var reopened = TranslationCache.Open(path, out var skipped);
        Assert.Equal(0, skipped);
        Assert.Equal(500, reopened.Count);
        Assert.True(reopened.TryGet("k499", out var text, out _));
        Assert.Equal(new string('x', 49) + "ü\n\"", text);
    }
}
