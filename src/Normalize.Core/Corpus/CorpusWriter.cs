using System.Text;

namespace Normalize.Core.Corpus;

/// <summary>
/// Writes <c>DIR/corpus.jsonl</c> and <c>DIR/&lt;id&gt;.txt</c>. Every file appears whole or not at
/// all (temp file + rename); corpus.jsonl is replaced only by <see cref="Commit"/>, so a crash or
/// Ctrl+C leaves the previous corpus intact.
/// </summary>
public sealed class CorpusWriter : IDisposable
{
    public const string CorpusFileName = "corpus.jsonl";

    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly string _directory;
    private readonly string _tempCorpusPath;
    private readonly StreamWriter _corpus;
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private bool _committed;

    public CorpusWriter(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _tempCorpusPath = Path.Combine(directory, $".{CorpusFileName}.{Environment.ProcessId}.tmp");
        _corpus = new StreamWriter(_tempCorpusPath, append: false, Utf8NoBom) { NewLine = "\n" };
    }

    public string CorpusPath => Path.Combine(_directory, CorpusFileName);

    public int Count => _sources.Count;

    /// <summary>The file the article's clean text goes to.</summary>
    public string TextPath(string id) => Path.Combine(_directory, SafeFileName(id) + ".txt");

    /// <summary>
    /// Adds one article. Returns an error (and writes nothing) when its id was already written in
    /// this run, since a second record would overwrite the first one's text file.
    /// </summary>
    public string? Add(Article article, string json)
    {
        if (_sources.TryGetValue(article.Id, out var first))
        {
            return $"duplicate id '{article.Id}' (already used by {first}); not written";
        }

        _sources[article.Id] = article.Source;
        WriteAtomically(TextPath(article.Id), TextFile(article));
        _corpus.Write(json);
        _corpus.Write('\n');
        return null;
    }

    /// <summary>Replaces corpus.jsonl with what was added.</summary>
    public void Commit()
    {
        _corpus.Flush();
        _corpus.BaseStream.Flush();
        _corpus.Dispose();
        File.Move(_tempCorpusPath, CorpusPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            _corpus.Dispose();
            File.Delete(_tempCorpusPath);
        }
    }

    /// <summary>The .txt for people and line tools: the title, a blank line, then the body.</summary>
    public static string TextFile(Article article) =>
        article.Title is { Length: > 0 } title ? $"{title}\n\n{article.Text}\n" : article.Text + "\n";

    public static void WriteAtomically(string path, string content)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, content, Utf8NoBom);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>An id as a file name: path separators and control characters become '_'.</summary>
    public static string SafeFileName(string id)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = id.Select(c => invalid.Contains(c) || c == '\\' || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim('.');
        return name.Length == 0 ? "_" : name.Length > 150 ? name[..150] : name;
    }
}
