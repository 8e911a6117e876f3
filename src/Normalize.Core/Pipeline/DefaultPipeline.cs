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
        var builder = new PipelineBuilder()
            .Use(new BoilerplateStage(BoilerplateRules.Load(options.Rules)))
            .Use(new TypographyStage(new TypographyOptions { KeepTypographicQuotes = options.KeepTypographicQuotes }))
            .Use(new RepairStage(RepairRules.Load(options.Rules), Dictionaries.System))
            .Use(new NamesStage(NameIndex.For(options.Rules)))
            .Use(new UnitsStage(Annotator.For(options.Rules)));

        if (options.OnlyStages is not null)
        {
            builder.Only(options.OnlyStages);
        }

        return builder;
    }

    public static NormalizePipeline Create(PipelineOptions? options = null) => CreateBuilder(options).Build();
}
