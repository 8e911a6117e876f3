using Normalize.Core.Boilerplate;
using Normalize.Core.Language;
using Normalize.Core.Names;
using Normalize.Core.Repair;
using Normalize.Core.Translation;
using Normalize.Core.Typography;
using Normalize.Core.Units;

namespace Normalize.Core.Pipeline;

/// <summary>The standard stage order: boilerplate, language, translate, typography, repair, names, units.</summary>
public static class DefaultPipeline
{
    public static PipelineBuilder CreateBuilder(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var rules = options.Rules;

        // Loading the rule files (YAML, name variants, dictionaries) is most of a short run's time:
        // load them side by side, and only those of the stages that run. GetResult rethrows a bad rule
        // file's own exception.
        var only = options.OnlyStages;
        bool Wants(string stage) => only is null || only.Contains(stage);
        var boilerplate = Wants(StageNames.Boilerplate) ? Task.Run(() => BoilerplateRules.Load(rules)) : null;
        var repair = Wants(StageNames.Repair) ? Task.Run(() => RepairRules.Load(rules)) : null;
        var names = Wants(StageNames.Names) ? Task.Run(() => NameIndex.For(rules)) : null;
        var annotator = Wants(StageNames.Units) ? Task.Run(() => Annotator.For(rules)) : null;
        var identifier = Wants(StageNames.Language) ? Task.Run(() => LanguageIdentifier.Default) : null;
        var wantsRepair = only is null || only.Contains(StageNames.Repair, StringComparer.OrdinalIgnoreCase);
        var english = wantsRepair ? Task.Run(() => Dictionaries.System.English) : Task.FromResult<Hunspell?>(null);
        var builder = new PipelineBuilder { Budget = options.Budget };
        if (boilerplate is not null)
        {
            builder.Use(new BoilerplateStage(boilerplate.GetAwaiter().GetResult(), Learning.BlockModels.TextLines));
        }

        if (identifier is not null)
        {
            builder.Use(new LanguageStage(identifier.GetAwaiter().GetResult()));
        }

        // Always built (an unwanted one translates nothing and is dropped by Only below), so its options are checked.
        builder.Use((Wants(StageNames.Translate) ? options.Translation : TranslationSettings.None).CreateStage(rules));

        if (Wants(StageNames.Typography))
        {
            builder.Use(new TypographyStage(new TypographyOptions { KeepTypographicQuotes = options.KeepTypographicQuotes }));
        }

        if (repair is not null)
        {
            builder.Use(new RepairStage(repair.GetAwaiter().GetResult(), Dictionaries.System));
        }

        if (names is not null)
        {
            builder.Use(new NamesStage(names.GetAwaiter().GetResult()));
        }

        if (annotator is not null)
        {
            builder.Use(new UnitsStage(annotator.GetAwaiter().GetResult()));
        }

        english.GetAwaiter().GetResult();

        if (options.OnlyStages is not null)
        {
            builder.Only(options.OnlyStages);
        }

        return builder;
    }

    public static NormalizePipeline Create(PipelineOptions? options = null) => CreateBuilder(options).Build();
}
