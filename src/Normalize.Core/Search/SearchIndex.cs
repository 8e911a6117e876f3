using Microsoft.Data.Sqlite;
using Normalize.Core.Corpus;

namespace Normalize.Core.Search;

/// <summary>
/// The embedded full-text index: one SQLite file with an FTS5 table (porter + unicode61 without
/// diacritics), BM25 ranking with the title weighted above the body, WAL journal. Articles are
/// upserted by id, so re-indexing never duplicates.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const int SchemaVersion = 1;

    /// <summary>BM25 column weights: title, text, source.</summary>
    private const string Bm25 = "bm25(articles_fts, 5.0, 1.0, 0.5)";

    private const string SnippetOpen = "\u0002";
    private const string SnippetClose = "\u0003";

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private SearchIndex(SqliteConnection connection) => _connection = connection;

    public string Path { get; private init; } = "";

    /// <summary>Opens (creating when <paramref name="create"/>) the index at <paramref name="path"/>.</summary>
    public static SearchIndex Open(string path, bool create)
    {
        if (!create && !File.Exists(path))
        {
            throw new SearchIndexException($"no index at '{path}' (run `normalize clean ... --out DIR` or `normalize index` first)");
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (create && directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var index = new SearchIndex(connection) { Path = path };
            if (create)
            {
                index.Execute("PRAGMA journal_mode=WAL;");
                index.Execute("PRAGMA synchronous=NORMAL;");
                index.CreateSchema();
            }
            else
            {
                index.CheckSchema();
            }

            return index;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new SearchIndexException($"cannot open index '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Starts one transaction for a batch: all of it lands, or (on dispose without commit) none.</summary>
    public void BeginBatch() => _transaction ??= _connection.BeginTransaction();

    /// <summary>
    /// Commits the batch and records <paramref name="generation"/>, the corpus generation this index now
    /// matches (null: it matches none, so the next <c>clean</c> reindexes from the corpus).
    /// </summary>
    public void CommitBatch(string? generation)
    {
        BeginBatch();
        if (generation is null)
        {
            using var clear = Command("DELETE FROM meta WHERE key = 'generation'");
            clear.ExecuteNonQuery();
        }
        else
        {
            using var set = Command("INSERT INTO meta(key, value) VALUES ('generation', $generation) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            set.Parameters.AddWithValue("$generation", generation);
            set.ExecuteNonQuery();
        }

        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    /// <summary>The corpus generation stored by the last <see cref="CommitBatch"/>, or null.</summary>
    public string? CommittedGeneration
    {
        get
        {
            using var command = Command("SELECT value FROM meta WHERE key = 'generation'");
            return command.ExecuteScalar() as string;
        }
    }

    /// <summary>Removes the article with <paramref name="id"/>, if there is one.</summary>
    public void Delete(string id)
    {
        using var find = Command("SELECT rowid FROM articles WHERE id = $id");
        find.Parameters.AddWithValue("$id", id);
        if (find.ExecuteScalar() is not long rowid)
        {
            return;
        }

        using var deleteText = Command("DELETE FROM articles_fts WHERE rowid = $rowid");
        deleteText.Parameters.AddWithValue("$rowid", rowid);
        deleteText.ExecuteNonQuery();
        using var delete = Command("DELETE FROM articles WHERE rowid = $rowid");
        delete.Parameters.AddWithValue("$rowid", rowid);
        delete.ExecuteNonQuery();
    }

    /// <summary>Inserts or replaces the article with <paramref name="record"/>'s id.</summary>
    public void Upsert(CorpusRecord record)
    {
        using var find = Command("SELECT rowid FROM articles WHERE id = $id");
        find.Parameters.AddWithValue("$id", record.Id);
        var existing = find.ExecuteScalar();
        if (existing is long rowid)
        {
            using var deleteText = Command("DELETE FROM articles_fts WHERE rowid = $rowid");
            deleteText.Parameters.AddWithValue("$rowid", rowid);
            deleteText.ExecuteNonQuery();
            using var update = Command(
                "UPDATE articles SET title=$title, date=$date, language=$language, source=$source, record=$record WHERE rowid=$rowid");
            AddFields(update, record);
            update.Parameters.AddWithValue("$rowid", rowid);
            update.ExecuteNonQuery();
        }
        else
        {
            using var insert = Command(
                "INSERT INTO articles(id, title, date, language, source, record) VALUES ($id, $title, $date, $language, $source, $record) RETURNING rowid");
            insert.Parameters.AddWithValue("$id", record.Id);
            AddFields(insert, record);
            rowid = (long)insert.ExecuteScalar()!;
        }

        using var insertText = Command("INSERT INTO articles_fts(rowid, title, text, source) VALUES ($rowid, $title, $text, $source)");
        insertText.Parameters.AddWithValue("$rowid", rowid);
        insertText.Parameters.AddWithValue("$title", (object?)record.Title ?? DBNull.Value);
        insertText.Parameters.AddWithValue("$text", record.Text);
        insertText.Parameters.AddWithValue("$source", record.Source);
        insertText.ExecuteNonQuery();
    }

    public long Count()
    {
        using var command = Command("SELECT count(*) FROM articles");
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs a query already parsed by <see cref="QueryParser"/>, best match first.</summary>
    public IReadOnlyList<SearchHit> Search(string ftsQuery, SearchFilter filter)
    {
        var sql = $"""
            SELECT a.id, a.title, a.date, a.source, -{Bm25} AS score,
                   snippet(articles_fts, -1, '{SnippetOpen}', '{SnippetClose}', '…', 16) AS snippet
            FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
            WHERE articles_fts MATCH $query
            """;
        using var command = Command("");
        command.Parameters.AddWithValue("$query", ftsQuery);
        if (filter.Since is { } since)
        {
            sql += " AND a.date >= $since";
            command.Parameters.AddWithValue("$since", since);
        }

        if (filter.Until is { } until)
        {
            // A date-only bound includes that whole day, timestamps too.
            sql += " AND substr(a.date, 1, length($until)) <= $until";
            command.Parameters.AddWithValue("$until", until);
        }

        if (filter.Language is { } language)
        {
            sql += " AND (a.language = $lang OR a.language LIKE $langPrefix)";
            command.Parameters.AddWithValue("$lang", language);
            command.Parameters.AddWithValue("$langPrefix", language + "-%");
        }

        if (filter.Source is { } source)
        {
            sql += " AND a.source LIKE $source ESCAPE '\\'";
            command.Parameters.AddWithValue("$source", "%" + source.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
        }

        sql += $" ORDER BY {Bm25}, a.id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", filter.Limit);
        command.CommandText = sql;

        var hits = new List<SearchHit>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                hits.Add(new SearchHit(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetString(3),
                    Math.Round(reader.GetDouble(4), 4),
                    SnippetParts(reader.IsDBNull(5) ? "" : reader.GetString(5))));
            }
        }
        catch (SqliteException ex)
        {
            // The parser quotes every term, so this is a bug, not the user's fault: say so plainly.
            throw new SearchIndexException($"the index could not run the query ({ex.Message})", ex);
        }

        return hits;
    }

    /// <summary>The stored corpus record of <paramref name="id"/>, or null.</summary>
    public string? GetRecord(string id)
    {
        using var command = Command("SELECT record FROM articles WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as string;
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }

    /// <summary>Splits FTS5's marked snippet into plain and matched parts.</summary>
    private static IReadOnlyList<SnippetPart> SnippetParts(string marked)
    {
        var parts = new List<SnippetPart>();
        var position = 0;
        while (position < marked.Length)
        {
            var open = marked.IndexOf(SnippetOpen, position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new SnippetPart(marked[position..], false));
                break;
            }

            if (open > position)
            {
                parts.Add(new SnippetPart(marked[position..open], false));
            }

            var close = marked.IndexOf(SnippetClose, open, StringComparison.Ordinal);
            close = close < 0 ? marked.Length : close;
            parts.Add(new SnippetPart(marked[(open + 1)..close], true));
            position = close + 1;
        }

        return parts.Select(p => p with { Text = p.Text.Replace('\n', ' ') }).ToList();
    }

    private void CreateSchema()
    {
        Execute($"""
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '{SchemaVersion}');
            CREATE TABLE IF NOT EXISTS articles(
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT,
                date TEXT,
                language TEXT NOT NULL,
                source TEXT NOT NULL,
                record TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
            CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
                title, text, source,
                tokenize = 'porter unicode61 remove_diacritics 2');
            """);
        CheckSchema();
    }

    private void CheckSchema()
    {
        try
        {
            using var command = Command("SELECT value FROM meta WHERE key = 'schema_version'");
            var version = command.ExecuteScalar() as string;
            if (version != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new SearchIndexException($"'{Path}' is an index of schema {version ?? "?"}, this tool reads schema {SchemaVersion}; rebuild it with `normalize index`");
            }
        }
        catch (SqliteException ex)
        {
            throw new SearchIndexException($"'{Path}' is not a normalize index ({ex.Message})", ex);
        }
    }

    private static void AddFields(SqliteCommand command, CorpusRecord record)
    {
        command.Parameters.AddWithValue("$title", (object?)record.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$date", (object?)record.Date ?? DBNull.Value);
        command.Parameters.AddWithValue("$language", record.Language);
        command.Parameters.AddWithValue("$source", record.Source);
        command.Parameters.AddWithValue("$record", record.Json);
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }
}

public sealed record SearchFilter(int Limit = 10, string? Since = null, string? Until = null, string? Language = null, string? Source = null);

public sealed record SnippetPart(string Text, bool Matched);

public sealed record SearchHit(string Id, string? Title, string? Date, string Source, double Score, IReadOnlyList<SnippetPart> Snippet)
{
    /// <summary>The snippet with matches marked **like this** (plain text, for tools and pipes).</summary>
    public string MarkedSnippet(string open = "**", string close = "**") =>
        string.Concat(Snippet.Select(p => p.Matched ? open + p.Text + close : p.Text));
}

public sealed class SearchIndexException : Exception
{
    public SearchIndexException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
