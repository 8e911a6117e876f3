using Microsoft.Data.Sqlite;
using Normalize.Core.Corpus;
using Normalize.Core.Search;

namespace Normalize.Bench.Fts5;

/// <summary>
/// The SQLite FTS5 index the product had before Lucene, kept here only as the search bench's baseline.
/// The embedded full-text index: one SQLite file with an FTS5 table (porter + unicode61 without
/// diacritics), BM25 ranking with the title weighted above the body, WAL journal. Articles are
/// upserted by id, so re-indexing never duplicates.
/// </summary>
internal sealed class Fts5Index : IDisposable
{
    public const int SchemaVersion = 1;

    /// <summary>BM25 column weights: title, text, source.</summary>
    private const string Bm25 = "bm25(articles_fts, 5.0, 1.0, 0.5)";

    // The markers SearchIndex.SnippetParts splits on.
    private const string SnippetOpen = "\u0002";
    private const string SnippetClose = "\u0003";

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private Fts5Index(SqliteConnection connection) => _connection = connection;

    public string Path { get; private init; } = "";

    /// <summary>Opens (creating when <paramref name="create"/>) the index at <paramref name="path"/>.</summary>
    public static Fts5Index Open(string path, bool create)
    {
        if (!create && !File.Exists(path))
        {
            throw new Fts5Exception($"no index at '{path}' (run `normalize clean ... --out DIR` or `normalize index` first)");
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
            var index = new Fts5Index(connection) { Path = path };
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
            throw new Fts5Exception($"cannot open index '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Starts one transaction for a batch: all of it lands, or (on dispose without commit) none.</summary>
    public void BeginBatch() => _transaction ??= _connection.BeginTransaction();

    public void CommitBatch()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
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
    public IReadOnlyList<Fts5Hit> Search(string ftsQuery, Fts5Filter filter)
    {
        var sql = $"""
            SELECT a.id, a.title, a.date, a.source, -{Bm25} AS score,
                   snippet(articles_fts, -1, '{SnippetOpen}', '{SnippetClose}', '…', 16) AS snippet
            FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
            WHERE articles_fts MATCH $query
            """;
        using var command = Command("");
        command.Parameters.AddWithValue("$query", ftsQuery);
        sql += $" ORDER BY {Bm25}, a.id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", filter.Limit);
        command.CommandText = sql;

        var hits = new List<Fts5Hit>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                hits.Add(new Fts5Hit(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetString(3),
                    Math.Round(reader.GetDouble(4), 4),
                    SearchIndex.SnippetParts(reader.IsDBNull(5) ? "" : reader.GetString(5))));
            }
        }
        catch (SqliteException ex)
        {
            // The parser quotes every term, so this is a bug, not the user's fault: say so plainly.
            throw new Fts5Exception($"the index could not run the query ({ex.Message})", ex);
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
                throw new Fts5Exception($"'{Path}' is an index of schema {version ?? "?"}, this tool reads schema {SchemaVersion}; rebuild it with `normalize index`");
            }
        }
        catch (SqliteException ex)
        {
            throw new Fts5Exception($"'{Path}' is not a normalize index ({ex.Message})", ex);
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

internal sealed record Fts5Filter(int Limit = 10);


internal sealed record Fts5Hit(string Id, string? Title, string? Date, string Source, double Score, IReadOnlyList<SnippetPart> Snippet);

internal sealed class Fts5Exception : Exception
{
    public Fts5Exception(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
