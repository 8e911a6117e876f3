using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Core.Rules;
using Normalize.Core.Translation;
using Normalize.Tests.Support;

namespace Normalize.Tests.Translation;

/// <summary>Skipped, with the reason shown, where Apertium or its Spanish pair is not installed (.ci/run installs them).</summary>
public sealed class ApertiumFactAttribute : FactAttribute
{
    public ApertiumFactAttribute()
    {
        using var apertium = ApertiumTranslator.Discover(TranslationRules.Load(RuleFiles.Embedded), out var reason);
        Skip = apertium is null ? $"needs Apertium: {reason}"
            : apertium.Supports("es") ? null : "needs Apertium's spa-eng pair (Debian: apertium-eng-spa)";
    }
}

/// <summary>The real Apertium, end to end.</summary>
public class ApertiumTranslatorTests
{
    private static readonly TranslationRules Rules = TranslationRules.Load(RuleFiles.Embedded);

    [Fact]
    public void PairsIntoEnglishAreDiscoveredFromTheModeFilesWithRecordLanguageCodes()
    {
        using var dir = new TempDirectory();
        foreach (var mode in new[] { "spa-eng", "spa-eng_US", "eng-spa", "gl-en", "hbs-eng", "xyz-eng" })
        {
            File.WriteAllText(Path.Combine(dir.Path, mode + ".mode"), "cat");
        }

        using var apertium = ApertiumTranslator.Discover(Rules, out var reason, dir.Path);
        if (apertium is null)
        {
            Assert.Contains("not installed", reason, StringComparison.Ordinal); // no binary here: discovery says so
            return;
        }

        Assert.Equal(["es", "gl", "hbs"], apertium.Pairs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("spa-eng", apertium.Pairs["es"]);
    }

    [ApertiumFact]
    public void TranslatesParagraphsOneToOneKeepingApertiumsSyntaxCharactersAndMarks()
    {
        using var apertium = ApertiumTranslator.Discover(Rules, out _)!;

        var texts = new[] { "El perro come pan", "Precio: 5 $ / unidad [nota] <b> a@b.es ^x^ {y} \\ ~", "", "Llegó a Xyzqwerty." };
        var translated = apertium.Translate("es", texts);

        Assert.Equal(4, translated.Count);
        Assert.Equal("The dog eats bread", translated[0]);
        foreach (var literal in new[] { "$", "/", "[", "]", "<", ">", "@", "^", "{", "}", "\\", "~" })
        {
            Assert.Contains(literal, translated[1], StringComparison.Ordinal);
        }

        Assert.Equal("", translated[2]);
        Assert.Contains("*Xyzqwerty", translated[3], StringComparison.Ordinal);
        Assert.StartsWith("apertium ", apertium.Describe("es"), StringComparison.Ordinal);
        Assert.EndsWith("spa-eng", apertium.Describe("es"), StringComparison.Ordinal);
    }

    [Fact]
    public void ThreadsSharingAPipelineEachGetTheirOwnParagraphsBackInOrder()
    {
        // A stand-in pair: sed in null-flush mode, as apertium-wblank-mode makes every program of a mode.
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "spa-eng.mode"), "sed -u -e s/perro/dog/g -e /boom/Q");
        using var apertium = ApertiumTranslator.Discover(Rules, out _, dir.Path);
        if (apertium is null)
        {
            return; // no apertium-wblank-mode here; CI installs it
        }

        var inputs = Enumerable.Range(0, 200).Select(i => Enumerable.Range(0, 1 + i % 5).Select(j => $"perro {i}.{j} [x]").ToArray()).ToList();

        var outputs = inputs.AsParallel().WithDegreeOfParallelism(8).Select(t => apertium.Translate("es", t)).ToList();

        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(inputs[i].Select(t => t.Replace("perro", "dog", StringComparison.Ordinal)), outputs[i]);
        }
    }

    [Fact]
    public void ThreadsShareOnePipelineUntilThePairHasTranslatedEnoughToPayForAnotherStart()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "spa-eng.mode"), "sed -u -e s/perro/dog/g");
        using var apertium = ApertiumTranslator.Discover(Rules, out _, dir.Path);
        if (apertium is null || !OperatingSystem.IsLinux())
        {
            return;
        }

        // A few short articles from four threads at once: one start, not one per thread.
        var inputs = Enumerable.Range(0, 40).Select(i => new[] { $"perro {i}", "otro perro" }).ToList();
        _ = inputs.AsParallel().WithDegreeOfParallelism(4).Select(t => apertium.Translate("es", t)).ToList();

        Assert.Equal(1, ChildProcesses("sed"));
    }

    /// <summary>Running child processes of this one with the given command name (Linux /proc).</summary>
    private static int ChildProcesses(string name)
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                // pid (comm) state ppid ...
                var text = File.ReadAllText(stat);
                var close = text.LastIndexOf(')');
                var comm = text[(text.IndexOf('(') + 1)..close];
                var fields = text[(close + 2)..].Split(' ');
                if (comm == name && fields[1] == self)
                {
                    count++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // the process ended meanwhile, or is not ours to read
            }
        }

        return count;
    }

    [Fact]
    public void APipelineThatDiesFailsTheArticleItDiedOnAndTheNextArticleGetsANewOne()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "spa-eng.mode"), "sed -u -e s/perro/dog/g -e /boom/Q");
        using var apertium = ApertiumTranslator.Discover(Rules, out _, dir.Path);
        if (apertium is null)
        {
            return;
        }

        var error = Assert.Throws<TranslationException>(() => apertium.Translate("es", ["un perro", "boom"]));
        Assert.Contains("spa-eng", error.Message, StringComparison.Ordinal);

        Assert.Equal(["the dog"], apertium.Translate("es", ["the perro"]));
    }

    [ApertiumFact]
    public void OneProcessServesManyArticlesAndThreadsInTurn()
    {
        using var apertium = ApertiumTranslator.Discover(Rules, out _)!;
        var inputs = Enumerable.Range(0, 40).Select(i => new[] { $"Hay {i} perros.", "El gato duerme" }).ToList();

        var outputs = inputs.AsParallel().WithDegreeOfParallelism(4).Select(t => apertium.Translate("es", t)).ToList();

        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.Contains($" {i} dogs", outputs[i][0], StringComparison.Ordinal);
            Assert.Equal("The cat sleeps", outputs[i][1]);
        }
    }

    [ApertiumFact]
    public void CleanTranslatesASpanishArticleKeepsTheOriginalAndRepairStripsTheMarks()
    {
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "es.jsonl");
        File.WriteAllText(input, """{"id":"es-1","title":"El puerto de Rajin","lang":"es","text":"El tráfico del puerto de Rajin aumentó en marzo.\n\nEl Gobierno no ha comentado el informe."}""" + "\n");
        var output = Path.Combine(dir.Path, "out");

        var first = CliRunner.Run("clean", input, "--out", output, "--no-index");

        Assert.True(first.ExitCode == 0, first.Error);
        var corpus = File.ReadAllText(Path.Combine(output, "corpus.jsonl"));
        var record = System.Text.Json.JsonDocument.Parse(corpus).RootElement;
        Assert.Equal("en", record.GetProperty("language").GetString());
        Assert.Equal("es", record.GetProperty("translated_from").GetString());
        Assert.StartsWith("apertium ", record.GetProperty("translator").GetString(), StringComparison.Ordinal);
        var text = record.GetProperty("text").GetString()!;
        Assert.Contains("port of Rajin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("\n\n").Length);
        var original = record.GetProperty("original");
        Assert.Equal("es", original.GetProperty("language").GetString());
        Assert.Equal("El puerto de Rajin", original.GetProperty("title").GetString());
        Assert.StartsWith("El tráfico", original.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "translation-cache.jsonl")));

        var second = CliRunner.Run("clean", input, "--out", output, "--no-index", "--translate", "apertium");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(corpus, File.ReadAllText(Path.Combine(output, "corpus.jsonl")));
    }

    [Fact]
    public void ALanguageWithoutTranslatorKeepsItsTextAndIsNamedOnceOnStderr()
    {
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "fi.jsonl");
        File.WriteAllText(input,
            """{"id":"fi-1","lang":"fi","text":"Satama on suljettu."}""" + "\n" + """{"id":"fi-2","lang":"fi","text":"Juna on myöhässä."}""" + "\n");

        var result = CliRunner.RunWithEnvironment(null, new Dictionary<string, string>(), "clean", input, "--stages", "boilerplate,translate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Satama on suljettu.", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"language\":\"fi\"", result.Out, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n'), l => l.Contains("no translator from 'fi'", StringComparison.Ordinal));
    }

    [Fact]
    public void TranslateNoneLeavesEveryLanguageAloneSilently()
    {
        var result = CliRunner.RunWithStdin("""{"id":"fi-1","lang":"fi","text":"Satama on suljettu."}""" + "\n", "clean", "-", "--translate", "none");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Satama on suljettu.", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("translator", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TranslateAzureWithoutAKeyIsAUsageErrorNamingTheVariable()
    {
        var result = CliRunner.RunWithEnvironment("""{"id":"es-1","lang":"es","text":"Hola."}""" + "\n", new Dictionary<string, string>(), "clean", "-", "--translate", "azure");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(AzureTranslator.KeyVariable, result.Error, StringComparison.Ordinal);
    }
}
