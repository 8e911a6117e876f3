using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Normalize.Core.Search;

namespace Normalize.Core.Corpus;

/// <summary>The journal: recovery on open, staging a rewrite, rolling a commit forward, keeping the index in step.</summary>
public sealed partial class CorpusStore
{
    /// <summary>Finishes a committed run a kill interrupted, then clears what dead runs left behind.</summary>
    private void Recover()
    {
        if (File.Exists(ManifestPath))
        {
            var manifest = ReadManifest();
            _options.ReportNote($"finishing the commit of an interrupted run ({manifest.Files.Count} articles)");
            RollForward(manifest);
        }

        // We hold the lock, so every staging folder and temp file here belongs to a run that is gone.
        if (Directory.Exists(StagingRoot))
        {
            foreach (var staging in Directory.EnumerateDirectories(StagingRoot))
            {
                DeleteFolder(staging);
            }
        }

        foreach (var temp in Directory.EnumerateFiles(StateFolder, "*.tmp"))
        {
            File.Delete(temp);
        }

        // Older versions wrote DIR/.NAME.PID.tmp (corpus.jsonl, the .txt files) and left them when killed.
        foreach (var temp in Directory.EnumerateFiles(Folder, ".*.tmp"))
        {
            if (LegacyTempFile().Match(Path.GetFileName(temp)) is { Success: true } match
                && int.TryParse(match.Groups["pid"].Value, out var pid) && !IsRunning(pid))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Reads the state and the id list. A folder from an older version, or a corpus.jsonl changed by hand
    /// (its length no longer matches), gets its id list rebuilt from corpus.jsonl and a new generation, so
    /// the index is rebuilt from it too.
    /// </summary>
    private void LoadState()
    {
        var state = ReadState();
        var corpusBytes = Length(CorpusPath);
        var idsBytes = Length(IdsPath);
        if (state is not null && state.CorpusBytes == corpusBytes && state.IdsBytes == idsBytes)
        {
            _state = state;
            _ids = ReadIds();
            return;
        }

        if (state is null && corpusBytes == 0 && idsBytes == 0)
        {
            _state = CorpusState.Empty;
            return;
        }

        if (state is not null)
        {
            _options.ReportNote($"{CorpusPath} was changed outside normalize; its id list and the index are rebuilt from it");
        }

        EndWithNewline(CorpusPath);
        _ids = ScanCorpusIds();
        WriteAtomically(IdsPath, string.Concat(_ids.Select(id => JsonSerializer.Serialize(id, CommitManifest.Json) + "\n")));
        _state = new CorpusState((state ?? CorpusState.Empty).NextGeneration(), Length(CorpusPath), Length(IdsPath));
        WriteAtomically(StatePath, JsonSerializer.Serialize(_state, CommitManifest.Json));
    }

    /// <summary>
    /// Redoes every step after the commit point. Each step can run any number of times: a staged file
    /// that is gone was moved already, an append first cuts the file back to its length at the commit.
    /// </summary>
    private void RollForward(CommitManifest manifest)
    {
        var staging = Path.Combine(StagingRoot, manifest.Run);
        if (!Directory.Exists(staging))
        {
            throw new CorpusException($"{ManifestPath}: the staging folder of run {manifest.Run} is gone, so its commit cannot be finished; remove {ManifestPath} and re-run with --replace");
        }

        var moved = 0;
        foreach (var name in manifest.Files)
        {
            var staged = Path.Combine(staging, CorpusBatch.TextFolderName, name);
            if (File.Exists(staged))
            {
                File.Move(staged, Path.Combine(Folder, name), overwrite: true);
            }

            if (++moved == manifest.Files.Count / 2)
            {
                FaultInjection.Point("moving-text");
            }
        }

        foreach (var name in manifest.DeleteFiles)
        {
            File.Delete(Path.Combine(Folder, name));
        }

        if (manifest.Rewrite)
        {
            MoveIfStaged(Path.Combine(staging, CorpusFileName), CorpusPath);
            MoveIfStaged(Path.Combine(staging, IdsFileName), IdsPath);
        }
        else
        {
            AppendAt(CorpusPath, manifest.CorpusBytesBefore, Path.Combine(staging, CorpusBatch.SegmentFileName));
            AppendAt(IdsPath, manifest.IdsBytesBefore, Path.Combine(staging, CorpusBatch.SegmentIdsFileName));
        }

        _state = new CorpusState(manifest.Generation, Length(CorpusPath), Length(IdsPath));
        WriteAtomically(StatePath, JsonSerializer.Serialize(_state, CommitManifest.Json));
        FaultInjection.Point("before-index");
        if (manifest.IndexPath is { } index)
        {
            SyncIndex(index, manifest, Path.Combine(staging, CorpusBatch.SegmentFileName));
        }

        FaultInjection.Point("after-index");
        File.Delete(ManifestPath);
        DeleteFolder(staging);
    }

    /// <summary>
    /// Writes the corpus as it will be after the batch into the staging folder: the old lines without the
    /// ids the batch replaces (none when replacing everything), then the batch's lines.
    /// </summary>
    private void StageRewrittenCorpus(CorpusBatch batch)
    {
        using (var corpus = new FileStream(Path.Combine(batch.Folder, CorpusFileName), FileMode.Create, FileAccess.Write))
        using (var ids = new FileStream(Path.Combine(batch.Folder, IdsFileName), FileMode.Create, FileAccess.Write))
        {
            if (!_options.Replace && File.Exists(CorpusPath))
            {
                using var corpusWriter = new StreamWriter(corpus, Utf8NoBom, leaveOpen: true) { NewLine = "\n" };
                using var idsWriter = new StreamWriter(ids, Utf8NoBom, leaveOpen: true) { NewLine = "\n" };
                foreach (var line in File.ReadLines(CorpusPath))
                {
                    var id = CorpusRecord.ReadId(line);
                    if (id is not null && batch.Contains(id))
                    {
                        continue;
                    }

                    corpusWriter.Write(line);
                    corpusWriter.Write('\n');
                    if (id is not null)
                    {
                        idsWriter.Write(JsonSerializer.Serialize(id, CommitManifest.Json));
                        idsWriter.Write('\n');
                    }
                }
            }

            using (var segment = File.OpenRead(Path.Combine(batch.Folder, CorpusBatch.SegmentFileName)))
            {
                segment.CopyTo(corpus);
            }

            using (var segmentIds = File.OpenRead(Path.Combine(batch.Folder, CorpusBatch.SegmentIdsFileName)))
            {
                segmentIds.CopyTo(ids);
            }

            corpus.Flush(flushToDisk: true);
            ids.Flush(flushToDisk: true);
        }
    }

    /// <summary>Brings an index that does not match the corpus generation in step (at open, before any new work).</summary>
    private void ReconcileIndex(string indexPath)
    {
        if (!File.Exists(CorpusPath) && !IndexExists(indexPath))
        {
            return;
        }

        SyncIndex(indexPath, null, null);
    }

    /// <summary>
    /// Makes the index match the corpus generation: nothing when it does; the batch's records when it
    /// matched the generation before the commit; else a rebuild from corpus.jsonl.
    /// </summary>
    private void SyncIndex(string indexPath, CommitManifest? manifest, string? segmentPath)
    {
        var generation = manifest?.Generation ?? _state.Generation;
        if (_liveIndex is { } live)
        {
            // The batch's records are in it already, uncommitted: committing them is the whole step when the
            // index held the corpus the batch was added to (or the batch replaces everything).
            _liveIndex = null;
            using (live)
            {
                if (manifest is not null && (manifest.Replace || live.CommittedGeneration == manifest.PreviousGeneration))
                {
                    live.CommitBatch(generation);
                    return;
                }
            }
        }

        using (var index = SearchIndex.Open(indexPath, create: true))
        {
            var current = index.CommittedGeneration;
            if (current == generation)
            {
                return;
            }

            if (manifest is { Replace: false } && current == manifest.PreviousGeneration && segmentPath is not null)
            {
                index.BeginBatch();
                foreach (var record in ReadRecords(segmentPath))
                {
                    index.Upsert(record);
                }

                index.CommitBatch(generation);
                return;
            }
        }

        if (manifest is null)
        {
            _options.ReportNote($"the index {indexPath} does not match {CorpusPath}; rebuilding it from the corpus ({_ids.Count} articles)");
        }

        DeleteIndex(indexPath);
        using var rebuilt = SearchIndex.Open(indexPath, create: true);
        rebuilt.BeginBatch();
        if (File.Exists(CorpusPath))
        {
            foreach (var record in ReadRecords(CorpusPath))
            {
                rebuilt.Upsert(record);
            }
        }

        rebuilt.CommitBatch(generation);
    }

    private static IEnumerable<CorpusRecord> ReadRecords(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return CorpusRecord.Parse(line, out var error)
                ?? throw new CorpusException($"{path}:{lineNumber}: {error}; repair or remove that line, or start afresh with --replace");
        }
    }

    private HashSet<string> ScanCorpusIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(CorpusPath))
        {
            return ids;
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(CorpusPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (CorpusRecord.Parse(line, out var error) is { } record)
            {
                ids.Add(record.Id);
            }
            else if (!_options.Replace)
            {
                throw new CorpusException($"{CorpusPath}:{lineNumber}: {error}; repair or remove that line, or start afresh with --replace");
            }
        }

        return ids;
    }

    private HashSet<string> ReadIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(IdsPath))
        {
            foreach (var line in File.ReadLines(IdsPath))
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<string>(line) is { } id)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    private CommitManifest ReadManifest()
    {
        try
        {
            return JsonSerializer.Deserialize<CommitManifest>(File.ReadAllText(ManifestPath), CommitManifest.Json)
                ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new CorpusException($"{ManifestPath} is not a commit record ({ex.Message}); remove it and re-run with --replace", ex);
        }
    }

    private CorpusState? ReadState()
    {
        try
        {
            return File.Exists(StatePath) ? JsonSerializer.Deserialize<CorpusState>(File.ReadAllText(StatePath), CommitManifest.Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Cuts <paramref name="target"/> back to its length at the commit, then appends the staged lines.</summary>
    private static void AppendAt(string target, long lengthBefore, string segmentPath)
    {
        using var stream = new FileStream(target, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length < lengthBefore)
        {
            throw new CorpusException($"{target} is shorter than when this run committed ({stream.Length} < {lengthBefore} bytes): it was changed outside normalize; start afresh with --replace");
        }

        stream.SetLength(lengthBefore);
        stream.Position = lengthBefore;
        using (var segment = File.OpenRead(segmentPath))
        {
            CopyBytes(segment, stream, segment.Length / 2);
            stream.Flush();
            FaultInjection.Point("appending");
            segment.CopyTo(stream);
        }

        stream.Flush(flushToDisk: true);
    }

    private static void CopyBytes(Stream source, Stream destination, long count)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                break;
            }

            destination.Write(buffer, 0, read);
            count -= read;
        }
    }

    private static void MoveIfStaged(string staged, string target)
    {
        if (File.Exists(staged))
        {
            File.Move(staged, target, overwrite: true);
        }
    }

    /// <summary>Writes a small file whole or not at all.</summary>
    private static void WriteAtomically(string path, string content)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            stream.Write(Utf8NoBom.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A corpus edited by hand may lack its last newline; the next append must not join two records.</summary>
    private static void EndWithNewline(string path)
    {
        if (Length(path) == 0)
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = stream.Length - 1;
        if (stream.ReadByte() != '\n')
        {
            stream.WriteByte((byte)'\n');
        }
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static bool IndexExists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>Removes an index that no longer matches its corpus (a file with SQLite's side files, or a folder).</summary>
    private static void DeleteIndex(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }

    private static void DeleteFolder(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\A\..+\.(?<pid>[0-9]+)\.tmp\z")]
    private static partial Regex LegacyTempFile();
}
