namespace Normalize.Core.Pipeline;

/// <summary>
/// Composes an ordered list of named stages, then freezes it with <see cref="Build"/>.
/// Modelled on markdig's MarkdownPipelineBuilder: no duplicates, insert relative to another.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    public IReadOnlyList<string> StageNamesInOrder => _stages.Select(s => s.Name).ToList();

    /// <summary>The time and size limits of each article (<see cref="ArticleBudget.Default"/> unless set).</summary>
    public ArticleBudget Budget { get; set; } = ArticleBudget.Default;

    public bool Contains(string name) => _stages.Any(s => s.Name == name);

    /// <summary>Appends a stage; a stage of the same name is replaced in place.</summary>
    public PipelineBuilder Use(IStage stage)
    {
        var index = _stages.FindIndex(s => s.Name == stage.Name);
        if (index >= 0)
        {
            _stages[index] = stage;
        }
        else
        {
            _stages.Add(stage);
        }

        return this;
    }

    public PipelineBuilder InsertBefore(string existing, IStage stage) => Insert(existing, stage, 0);

    public PipelineBuilder InsertAfter(string existing, IStage stage) => Insert(existing, stage, 1);

    public PipelineBuilder Remove(string name)
    {
        _stages.RemoveAll(s => s.Name == name);
        return this;
    }

    /// <summary>Keeps only the named stages (order stays the pipeline's). Unknown names throw.</summary>
    public PipelineBuilder Only(IReadOnlyCollection<string> names)
    {
        var unknown = names.Where(n => !StageNames.All.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"unknown stage '{unknown[0]}' (stages are: {string.Join(", ", StageNames.All)})");
        }

        _stages.RemoveAll(s => !names.Contains(s.Name));
        return this;
    }

    public NormalizePipeline Build() => new(_stages.ToArray(), Budget);

    private PipelineBuilder Insert(string existing, IStage stage, int offset)
    {
        if (Contains(stage.Name))
        {
            throw new InvalidOperationException($"stage '{stage.Name}' is already in the pipeline");
        }

        var index = _stages.FindIndex(s => s.Name == existing);
        if (index < 0)
        {
            throw new InvalidOperationException($"stage '{existing}' is not in the pipeline");
        }

        _stages.Insert(index + offset, stage);
        return this;
    }
}

/// <summary>An immutable, ordered list of stages. Thread-safe if its stages are.</summary>
public sealed class NormalizePipeline
{
    private readonly IStage[] _stages;

    internal NormalizePipeline(IStage[] stages, ArticleBudget budget)
    {
        _stages = stages;
        Budget = budget;
    }

    public IReadOnlyList<IStage> Stages => _stages;

    public ArticleBudget Budget { get; }

    /// <summary>
    /// Runs the stages in order within the article's <see cref="ArticleBudget"/>. When the time runs out the
    /// stage at work stops part-way (what it already changed stays: every edit is applied whole), the later
    /// stages do not run, and a warning names them; the article is still returned, to be written.
    /// </summary>
    public Article Process(Article article)
    {
        article.StripControlCharacters();
        article.Budget = Budget;
        article.Deadline = new Deadline(Budget.Time, "per-article", Budget.Clock);
        for (var i = 0; i < _stages.Length; i++)
        {
            try
            {
                article.Deadline.Check();
                _stages[i].Process(article);
            }
            catch (BudgetExceededException ex)
            {
                var skipped = _stages.Skip(i + 1).Select(s => s.Name).ToList();
                article.Warnings.Add($"cleaning {ex.Message}: the {_stages[i].Name} stage stopped part-way"
                    + (skipped.Count == 0 ? "" : $" and {string.Join(", ", skipped)} did not run"));
                break;
            }
        }

        article.Deadline = Deadline.None;
        return article;
    }
}
