using System.Text.Json;
using Normalize.Bench;
using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;
using Normalize.Core.Units;
using Normalize.Tests.Support;

namespace Normalize.Tests.EndToEnd;

/// <summary>Pathological runs (the fuzz runner's giant tokens, dots and spaces): cleaned, and the article kept.</summary>
public class FuzzTests
{
    [Theory]
    [InlineData("dots")]
    [InlineData("spaces")]
    [InlineData("word")]
    public void LongRunsAreCleanedAndKept(string kind)
    {
        var run = kind switch
        {
            "dots" => new string('.', 200_000),
            "spaces" => "a" + new string(' ', 200_000) + "b",
            _ => "US sanct" + string.Concat(Enumerable.Repeat("kmkm", 110_000)),
        };
        var article = Articles.Clean($"The army said drones arrived. {run} The end (dpa)");
        Assert.Contains("The army said drones arrived.", article.Text);
        Assert.Contains("The end", article.Text);
    }

    /// <summary>
    /// The bench `fuzz` runner in short (same generator, the project's seeds, smaller giants): every
    /// mutated input is either written or reported with an error naming it, no stage throws, and
    /// annotating a piece of it with odd reference dates throws nothing.
    /// </summary>
    [Fact]
    public void SeededFuzzInputsAreWrittenOrReportedNeverThrown()
    {
        // Seed 7 is the run that found full-width digits failing the units stage ("1/２").
        const int count = 200;
        var generator = new FuzzInputs(FuzzInputs.LoadSeeds([RepoPaths.Seeds]), seed: 7, maxGiant: 20_000);
        using var temp = new TempDirectory();
        var inputFolder = Path.Combine(temp.Path, "in");
        var annotateLines = new List<string>();
        var inputs = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var input = generator.Next(i);
            inputs.Add(temp.WriteBytes(Path.Combine("in", input.Name), input.Bytes));
            annotateLines.Add(generator.AnnotateLine(input));
        }

        var errors = new List<string>();
        var summary = new CleanJob
        {
            Inputs = [inputFolder],
            Pipeline = DefaultPipeline.Create(),
            OutputDirectory = temp.File("out"),
            ReportError = errors.Add,
        }.Run();

        var stageFailures = errors.Where(e => e.Contains("cleaning failed", StringComparison.Ordinal)).ToList();
        Assert.True(stageFailures.Count == 0, string.Join('\n', stageFailures));

        // Every item read (an article or a read error) is either written or reported once, naming its input.
        var reader = new InputReader();
        var items = inputs.ToDictionary(path => path, path => reader.ReadFile(path).Count());
        Assert.True(items.All(i => i.Value > 0), $"read as nothing: {string.Join(", ", items.Where(i => i.Value == 0).Select(i => Path.GetFileName(i.Key)))}");
        Assert.Equal(items.Values.Sum(), summary.Written + summary.Failed);
        Assert.Equal(summary.Failed, errors.Count);
        Assert.All(errors, error => Assert.Contains(inputs, path => error.StartsWith(path + ":", StringComparison.Ordinal)));
        Assert.Equal(summary.Written, File.ReadLines(Path.Combine(temp.File("out"), "corpus.jsonl")).Count());

        var thrown = new List<string>();
        foreach (var line in annotateLines)
        {
            using var document = JsonDocument.Parse(line);
            var text = document.RootElement.GetProperty("input").GetString()!;
            var reference = AnnotationContext.ParseReference(document.RootElement.GetProperty("reference_datetime").GetString());
            try
            {
                Annotator.Default.Annotate(text, AnnotationConventions.Apply(new AnnotationContext { Reference = reference }, "duckling"));
            }
            catch (Exception ex)
            {
                thrown.Add($"{line}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.Empty(thrown);
    }
}
