namespace Normalize.Core;

/// <summary>Control characters are never content: cleaning takes them out of every text field.</summary>
public sealed partial class Article
{
    /// <summary>
    /// Removes C0/C1 control characters (ESC sequences, BEL…) except newline and tab from the text,
    /// title, headline, date, language and authors, with one warning saying how many. Runs before
    /// any stage, so no span offsets exist yet. A paragraph that was only control characters (a NUL from
    /// a byte flip, "&amp;#0;") goes with them: the stages read paragraphs that have text.
    /// </summary>
    public void StripControlCharacters()
    {
        var removed = 0;
        string? Strip(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var stripped = TerminalText.StripControls(value, out var count);
            removed += count;
            return stripped;
        }

        var before = removed;
        Text = Strip(Text)!;
        if (removed > before)
        {
            Text = string.Join("\n\n", Text.Split("\n\n").Where(p => !string.IsNullOrWhiteSpace(p)));
        }

        Title = Strip(Title);
        HeadlineCandidate = Strip(HeadlineCandidate);
        Date = Strip(Date);
        Url = Strip(Url);
        Language = Strip(Language)!;
        TranslatedFrom = Strip(TranslatedFrom);
        for (var i = 0; i < Authors.Count; i++)
        {
            Authors[i] = Strip(Authors[i])!;
        }

        if (removed > 0)
        {
            Warnings.Add($"{removed} control character{(removed == 1 ? "" : "s")} (escape sequences, bell…) removed");
        }
    }
}
