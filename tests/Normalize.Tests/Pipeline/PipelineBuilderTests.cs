using Normalize.Core;
using Normalize.Core.Pipeline;

namespace Normalize.Tests.Pipeline;

public class PipelineBuilderTests
{
    private sealed class Recorder(string name, List<string> log) : IStage
    {
        public string Name => name;

        public void Process(Article article) => log.Add(name);
    }

    [Fact]
    public void StagesRunInOrderAndInsertRelativeToOthers()
    {
        var log = new List<string>();
        var pipeline = new PipelineBuilder()
            .Use(new Recorder("boilerplate", log))
            .Use(new Recorder("units", log))
            .InsertBefore("units", new Recorder("names", log))
            .InsertAfter("boilerplate", new Recorder("typography", log))
            .Build();
        pipeline.Process(new Article("a", "a", "text"));
        Assert.Equal(["boilerplate", "typography", "names", "units"], log);
    }

    [Fact]
    public void UsingAStageNameAgainReplacesItAndInsertingADuplicateThrows()
    {
        var log = new List<string>();
        var builder = new PipelineBuilder().Use(new Recorder("boilerplate", log)).Use(new Recorder("boilerplate", log));
        Assert.Single(builder.StageNamesInOrder);
        Assert.Throws<InvalidOperationException>(() => builder.InsertAfter("boilerplate", new Recorder("boilerplate", log)));
    }

    [Fact]
    public void OnlyKeepsTheNamedStagesAndRejectsUnknownNames()
    {
        var builder = DefaultPipeline.CreateBuilder().Only(["typography"]);
        Assert.Equal(["typography"], builder.StageNamesInOrder);
        var error = Assert.Throws<ArgumentException>(() => DefaultPipeline.CreateBuilder().Only(["typo"]));
        Assert.StartsWith("unknown stage 'typo'", error.Message);
    }

    [Fact]
    public void OnlyTheChosenStagesReadTheirRuleFiles()
    {
        // A broken boilerplate.yaml in --rules: a run of all stages reports it; a typography-only run
        // never reads it (start-up loads only what the stages that run need).
        var rules = Directory.CreateTempSubdirectory("normalize-rules-");
        try
        {
            File.WriteAllText(Path.Combine(rules.FullName, "boilerplate.yaml"), "version: 1\nline_rules:\n  - reason: x\n    patterns: ['(unclosed']\n");
            var files = new Normalize.Core.Rules.RuleFiles(rules.FullName);
            Assert.Throws<Normalize.Core.Rules.RuleFileException>(() => DefaultPipeline.Create(new PipelineOptions { Rules = files }));
            var pipeline = DefaultPipeline.Create(new PipelineOptions { Rules = files, OnlyStages = ["typography"] });
            Assert.Equal(["typography"], pipeline.Stages.Select(s => s.Name));
        }
        finally
        {
            rules.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheBuiltPipelineIsFrozen()
    {
        var builder = DefaultPipeline.CreateBuilder();
        var pipeline = builder.Build();
        var count = pipeline.Stages.Count;
        builder.Remove("typography");
        Assert.Equal(count, pipeline.Stages.Count);
    }
}
