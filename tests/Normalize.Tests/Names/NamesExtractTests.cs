using System.Text.Json;
using Normalize.Core.Names;
using Xunit.Abstractions;

namespace Normalize.Tests.Names;

/// <summary>The GeoNames extract in ../shared (not copied into the project): its variants resolve to their place.</summary>
public class NamesExtractTests
{
    private readonly ITestOutputHelper _output;

    public NamesExtractTests(ITestOutputHelper output) => _output = output;

    private static string? FindExtract() =>
        Support.SharedData.Path("bench/normalization/names/geonames2012-places.jsonl");

    [Fact]
    public void AtLeast95PercentOfPlaceVariantsResolveToTheirPlace()
    {
        var path = FindExtract();
        if (path is null)
        {
            _output.WriteLine("skipped: ../shared/bench/normalization/names/ is not here");
            return;
        }

        int total = 0, resolved = 0;
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var id = doc.RootElement.GetProperty("entity_id").GetString()!;
            foreach (var variant in doc.RootElement.GetProperty("variants").EnumerateArray())
            {
                total++;
                var alias = NameIndex.Default.Resolve(variant.GetProperty("text").GetString()!);
                if (alias is not null && (alias.Entity.Id == id || alias.Entity.SameAs.Contains(id)))
                {
                    resolved++;
                }
            }
        }

        Assert.True(total > 0);
        Assert.True(resolved >= 0.95 * total, $"{resolved} of {total} variants resolved");
    }

    [Theory]
    [InlineData("Kiew", "Kyiv")]
    [InlineData("Dnepropetrovsk", "Dnipro")]
    [InlineData("Odessa", "Odesa")]
    [InlineData("Charkiw", "Kharkiv")]
    [InlineData("Noord-Korea", "North Korea")]
    [InlineData("Selenskyj", "Volodymyr Zelenskyy")]
    public void NamesResolveToTheirCanonical(string name, string canonical)
    {
        Assert.Equal(canonical, NameIndex.Default.Resolve(name)?.Entity.Canonical);
    }

    [Theory]
    [InlineData("Stalino")]
    [InlineData("Yekaterinoslav")]
    public void HistoricNamesAreNotMatchedInRunningText(string name)
    {
        Assert.DoesNotContain(new NamesStage().Find($"They marched to {name} yesterday."), m => m.Rewrite);
    }
}
