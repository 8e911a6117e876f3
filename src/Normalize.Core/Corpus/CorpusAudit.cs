using Normalize.Core.Search;

namespace Normalize.Core.Corpus;

/// <summary>
/// Checks that an output folder agrees with itself: corpus.jsonl holds one parseable line per id, every
/// id has its .txt with that record's text and no other .txt is there, and the index holds exactly the
/// corpus's records. Used by the crash tests and the kill-test runner.
/// </summary>
public static class CorpusAudit
{
    /// <summary>The disagreements found (empty when corpus, .txt files and index agree), and the ids in the corpus.</summary>
    public static (IReadOnlyList<string> Problems, IReadOnlySet<string> Ids) Check(string folder, string? indexPath)
    {
        var problems = new List<string>();
        var records = new Dictionary<string, CorpusRecord>(StringComparer.Ordinal);
        var corpusPath = Path.Combine(folder, CorpusStore.CorpusFileName);
        if (File.Exists(corpusPath))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(corpusPath))
            {
                lineNumber++;
                if (CorpusRecord.Parse(line, out var error) is not { } record)
                {
                    problems.Add($"corpus.jsonl:{lineNumber}: {error}");
                }
                else if (!records.TryAdd(record.Id, record))
                {
                    problems.Add($"corpus.jsonl:{lineNumber}: id '{record.Id}' appears twice");
                }
            }
        }

        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records.Values)
        {
            var name = ArticleFileNames.For(record.Id);
            expectedFiles.Add(name);
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                problems.Add($"{name}: missing (id '{record.Id}')");
            }
            else if (File.ReadAllText(path) is var text && !text.EndsWith(record.Text + "\n", StringComparison.Ordinal))
            {
                problems.Add($"{name}: its text is not the corpus record's (id '{record.Id}')");
            }
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*" + ArticleFileNames.Extension))
        {
            if (!expectedFiles.Contains(Path.GetFileName(file)))
            {
                problems.Add($"{Path.GetFileName(file)}: no corpus record has this file");
            }
        }

        if (indexPath is not null && (File.Exists(indexPath) || Directory.Exists(indexPath) || records.Count > 0))
        {
            using var index = SearchIndex.Open(indexPath, create: false);
            if (index.Count() != records.Count)
            {
                problems.Add($"index: {index.Count()} articles, corpus.jsonl: {records.Count}");
            }

            foreach (var record in records.Values)
            {
                if (index.GetRecord(record.Id) != record.Json)
                {
                    problems.Add($"index: id '{record.Id}' is missing or differs from its corpus record");
                }
            }
        }

        return (problems, records.Keys.ToHashSet(StringComparer.Ordinal));
    }
}
