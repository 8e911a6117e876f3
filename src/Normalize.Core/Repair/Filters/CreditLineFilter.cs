using System.Text.RegularExpressions;

namespace Normalize.Core.Repair.Filters;

/// <summary>
/// Machine-translated credit lines: "Michael Crowley contributed report." → "contributed reporting.".
/// The boilerplate stage usually moves such a line into <see cref="Article.Credits"/>; the fix then
/// applies to that credit (logged as a change with rule "credit-line"); a line still in the text is
/// edited there.
/// </summary>
public sealed class CreditLineFilter : IRepairFilter
{
    public string Rule => "credit-line";

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        var edits = new List<TextEdit>();
        foreach (var fix in context.Rules.English.CreditFixes)
        {
            var pattern = Pattern(fix.From);
            for (var i = 0; i < context.Article.Credits.Count; i++)
            {
                var credit = context.Article.Credits[i];
                var repaired = pattern.Replace(credit, fix.To);
                if (repaired != credit)
                {
                    context.Article.Credits[i] = repaired;
                    context.Article.Changes.Add(new Change(Pipeline.StageNames.Repair, Rule, credit, repaired));
                }
            }

            foreach (Match m in pattern.Matches(context.Text))
            {
                edits.Add(new TextEdit(m.Index, m.Length, fix.To, Rule));
            }
        }

        return edits;
    }

    /// <summary>Patterns by phrase: built and compiled once per process, not once per article.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>The phrase closing a short line that starts with a name ("Michael Crowley contributed report.").</summary>
    private static Regex Pattern(string phrase) => Patterns.GetOrAdd(phrase, static phrase =>
        new($@"(?<=(?:^|\n)\p{{Lu}}[^\n.]{{0,80}} ){Regex.Escape(phrase)}(?=\.?\s*(?:\n|$))", RegexOptions.CultureInvariant | RegexOptions.Compiled));
}
