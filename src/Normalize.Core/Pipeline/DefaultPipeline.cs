using Normalize.Core.Boilerplate;
using Normalize.Core.Names;
using Normalize.Core.Repair;
using Normalize.Core.Typography;
using Normalize.Core.Units;

namespace Normalize.Core.Pipeline;

/// <summary>The standard stage order: boilerplate, typography, repair, names, units.</summary>
public static class DefaultPipeline
{
    public static PipelineBuilder CreateBuilder(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var rules = options.Rules;

        // Loading the rule files (YAML, name variants, dictionaries) is most of a short run's time:
        // load them side by side. GetResult rethrows a bad rule file's own exception.
        var boilerplate = Task.Run(() => BoilerplateRules.Load(rules));
        var repair = Task.Run(() => RepairRules.Load(rules));
        var names = Task.Run(() => NameIndex.For(rules));
        var annotator = Task.Run(() => Annotator.For(rules));
        var wantsRepair = options.OnlyStages is null || options.OnlyStages.Contains(StageNames.Repair, StringComparer.OrdinalIgnoreCase);
        var english = wantsRepair ? Task.Run(() => Dictionaries.System.English) : Task.FromResult<Hunspell?>(null);
        var builder = new PipelineBuilder()
            .Use(new BoilerplateStage(boilerplate.GetAwaiter().GetResult(), Learning.BlockModels.TextLines))
            .Use(new TypographyStage(new TypographyOptions { KeepTypographicQuotes = options.KeepTypographicQuotes }))
            .Use(new RepairStage(repair.GetAwaiter().GetResult(), Dictionaries.System))
            .Use(new NamesStage(names.GetAwaiter().GetResult()))
            .Use(new UnitsStage(annotator.GetAwaiter().GetResult()));
        english.GetAwaiter().GetResult();

        if (options.OnlyStages is not null)
        {
            builder.Only(options.OnlyStages);
        }

        return builder;
    }

    public static NormalizePipeline Create(PipelineOptions? options = null) => CreateBuilder(options).Build();
}
