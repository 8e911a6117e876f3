using System.Text.Json;
using Normalize.Core.Pipeline;
using Normalize.Tests.Support;

namespace Normalize.Tests.EndToEnd;

/// <summary>Cleaning clean output again changes nothing: no edits, no removals, the same text.</summary>
public class IdempotenceTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string> { RepoPaths.Seeds };
        if (SharedData.Path("seeds") is { } shared)
        {
            data.Add(shared);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CleaningTheCorpusAgainChangesNothing(string input)
    {
        using var dir = new TempDirectory();
        var first = CliRunner.Run("clean", input, "--out", dir.File("once"), "--no-index");
        Assert.True(first.ExitCode == 0, first.Error);

        // Feed each record back as a JSONL record: the same id, title, date, language and body.
        var again = File.ReadAllLines(dir.File("once/corpus.jsonl")).Select(line =>
        {
            var record = JsonDocument.Parse(line).RootElement;
            return JsonSerializer.Serialize(new
            {
                id = record.GetProperty("id").GetString(),
                title = record.GetProperty("title").GetString(),
                date = record.GetProperty("date").GetString(),
                lang = record.GetProperty("language").GetString(),
                text = record.GetProperty("text").GetString(),
            });
        });
        dir.Write("again.jsonl", string.Join('\n', again));
        var second = CliRunner.Run("clean", dir.File("again.jsonl"), "--out", dir.File("twice"), "--no-index");
        Assert.True(second.ExitCode == 0, second.Error);

        var once = File.ReadAllLines(dir.File("once/corpus.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var twice = File.ReadAllLines(dir.File("twice/corpus.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(once.Count, twice.Count);
        for (var i = 0; i < once.Count; i++)
        {
            var id = once[i].GetProperty("id").GetString();
            Assert.Equal(once[i].GetProperty("text").GetString(), twice[i].GetProperty("text").GetString());
            Assert.True(twice[i].GetProperty("changes").GetArrayLength() == 0, $"{id}: changed again: {twice[i].GetProperty("changes")}");
            Assert.True(twice[i].GetProperty("removed").GetArrayLength() == 0, $"{id}: removed again: {twice[i].GetProperty("removed")}");
            Assert.Equal(once[i].GetProperty("title").GetString(), twice[i].GetProperty("title").GetString());
        }
    }

    [Fact]
    public void EveryStageIsIdempotentOnItsOwnOutput()
    {
        var pipeline = DefaultPipeline.Create();
        foreach (var path in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            var article = pipeline.Process(Articles.FromText(File.ReadAllText(path)));
            var again = Articles.FromText(article.Text);
            again.Title = article.Title;
            again.DetectTitleInText = false;
            pipeline.Process(again);
            Assert.Equal(article.Text, again.Text);
            Assert.Empty(again.Changes);
        }
    }
}
