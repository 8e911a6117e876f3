using System.Diagnostics;
using System.Text;

namespace Normalize.Core.Translation;

/// <summary>
/// Debian's Apertium: the installed <c>xx-eng</c> pairs, each run as one long-lived pipeline in null-flush
/// mode (every program of the mode with <c>-z</c>): an article's paragraphs are written as NUL-terminated
/// chunks and read back the same way, so no process starts per paragraph or per article. Threads share a
/// pair's pipeline, with several articles in it at once: its ten or so programs work on different paragraphs
/// at the same time, which keeps the cores busy without paying another start (a pipeline's start, loading its
/// transducers, costs about as much CPU as translating a few thousand words). Unknown
/// words keep Apertium's marks (<c>*w</c>, <c>@w</c>, <c>#w</c>); the repair stage strips them and flags the sentence.
/// </summary>
public sealed partial class ApertiumTranslator : ITranslator, IDisposable
{
    public const string DefaultModesDirectory = "/usr/share/apertium/modes";

    private readonly Dictionary<string, string> _modeByLanguage;
    private readonly Dictionary<string, PipePool> _pipes = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly Lazy<string> _version;

    private readonly TranslationRules _rules;

    private ApertiumTranslator(Dictionary<string, string> modeByLanguage, string modesDirectory, TranslationRules rules)
    {
        _rules = rules;
        _modeByLanguage = modeByLanguage;
        ModesDirectory = modesDirectory;
        _version = new Lazy<string>(ReadVersion);
    }

    public string Name => "apertium";

    public string ModesDirectory { get; }

    /// <summary>The languages (canonical record form) with an installed pair into English, and its mode.</summary>
    public IReadOnlyDictionary<string, string> Pairs => _modeByLanguage;

    /// <summary>
    /// Apertium as installed here, or null with the reason (binary not on PATH, no pair into English).
    /// Pairs are discovered from the mode files: "spa-eng.mode" → es; regional variants ("spa-eng_US") are skipped.
    /// </summary>
    public static ApertiumTranslator? Discover(TranslationRules rules, out string? reason, string modesDirectory = DefaultModesDirectory)
    {
        reason = null;
        foreach (var tool in new[] { "apertium", "apertium-wblank-mode", "bash" })
        {
            if (FindOnPath(tool) is null)
            {
                reason = $"apertium is not installed ('{tool}' is not on PATH; Debian: apt-get install apertium apertium-eng-spa …)";
                return null;
            }
        }

        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(modesDirectory))
        {
            foreach (var file in Directory.GetFiles(modesDirectory, "*.mode").Order(StringComparer.Ordinal))
            {
                var mode = Path.GetFileNameWithoutExtension(file);
                var parts = mode.Split('-');
                if (parts.Length == 2
                    && rules.ApertiumCodes.TryGetValue(parts[1], out var target) && target == "en"
                    && rules.ApertiumCodes.TryGetValue(parts[0], out var source) && source != "en")
                {
                    modes.TryAdd(source, mode);
                }
            }
        }

        if (modes.Count == 0)
        {
            reason = $"apertium has no language pair into English installed (no *-eng.mode in {modesDirectory})";
            return null;
        }

        return new ApertiumTranslator(modes, modesDirectory, rules);
    }

    public bool Supports(string language) => _modeByLanguage.ContainsKey(_rules.Canonical(language));

    public string Describe(string language)
    {
        var canonical = _rules.Canonical(language);
        var fallbacks = _rules.ApertiumFallbacks.GetValueOrDefault(canonical, []).Where(l => l != canonical && _modeByLanguage.ContainsKey(l)).ToList();
        var unknown = fallbacks.Count == 0 ? "" : $" (unknown words: {string.Join(", ", fallbacks.Select(l => _modeByLanguage[l]))})";
        return $"apertium {_version.Value} {_modeByLanguage[canonical]}{unknown}";
    }

    public IReadOnlyList<string> Translate(string language, IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        if (!_modeByLanguage.TryGetValue(_rules.Canonical(language), out var mode))
        {
            throw new TranslationException($"apertium has no pair from '{language}' into English");
        }

        var results = Pipe(mode).Translate(texts, cancellation);
        return FillUnknownWords(_rules.Canonical(language), results, cancellation);
    }

    /// <summary>
    /// Words the pair did not know (<c>*palabra</c>, lower case: names are capitalised and stay marked) that the
    /// pair of a related language (translate.yaml apertium_fallbacks) translates without a mark take that
    /// translation; the rest keep their mark for the repair stage.
    /// </summary>
    private IReadOnlyList<string> FillUnknownWords(string language, IReadOnlyList<string> results, CancellationToken cancellation)
    {
        var fallbacks = _rules.ApertiumFallbacks.GetValueOrDefault(language, [])
            .Where(l => l != language && _modeByLanguage.ContainsKey(l)).ToList();
        if (fallbacks.Count == 0)
        {
            return results;
        }

        var unknown = results.SelectMany(r => UnknownWord().Matches(r).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fallback in fallbacks)
        {
            var missing = unknown.Where(w => !found.ContainsKey(w)).ToList();
            if (missing.Count == 0)
            {
                break;
            }

            var translated = Pipe(_modeByLanguage[fallback]).Translate(missing, cancellation);
            for (var i = 0; i < missing.Count; i++)
            {
                var word = translated[i].Trim();
                if (word.Length > 0 && word != missing[i] && !word.Any(c => c is '*' or '#' or '@') && !word.Contains(' ', StringComparison.Ordinal))
                {
                    found[missing[i]] = word;
                }
            }
        }

        return found.Count == 0
            ? results
            : results.Select(r => UnknownWord().Replace(r, m => found.TryGetValue(m.Groups[1].Value, out var w) ? w : m.Value)).ToList();
    }

    private PipePool Pipe(string mode)
    {
        lock (_gate)
        {
            if (!_pipes.TryGetValue(mode, out var pool))
            {
                pool = _pipes[mode] = new PipePool(Path.Combine(ModesDirectory, mode + ".mode"), mode, Environment.ProcessorCount);
            }

            return pool;
        }
    }

    /// <summary>
    /// A pair's pipelines: one, shared, until the pair has translated enough to pay for another start and every
    /// pipeline is busy; then up to one per core. One pipeline keeps two cores busy when its programs cost about
    /// the same, but not when one program does most of the work (hbs-eng's constraint grammar: two thirds of it).
    /// </summary>
    private sealed class PipePool(string modeFile, string mode, int size) : IDisposable
    {
        /// <summary>About 5,000 words: a pipeline's start (loading its transducers) costs the CPU of a few thousand.</summary>
        private const long GrowAfterCharacters = 30_000;

        private readonly List<(ApertiumPipe Pipe, int[] InFlight)> _pipes = [];
        private long _characters;

        public IReadOnlyList<string> Translate(IReadOnlyList<string> texts, CancellationToken cancellation)
        {
            (ApertiumPipe Pipe, int[] InFlight) chosen;
            lock (_pipes)
            {
                chosen = _pipes.Count == 0 ? default : _pipes.MinBy(p => p.InFlight[0]);
                if (chosen.Pipe is null || (chosen.InFlight[0] > 0 && _pipes.Count < size && _characters >= GrowAfterCharacters))
                {
                    chosen = (new ApertiumPipe(modeFile, mode), [0]);
                    _pipes.Add(chosen);
                }

                chosen.InFlight[0]++;
                _characters += texts.Sum(t => (long)t.Length);
            }

            try
            {
                return chosen.Pipe.Translate(texts, cancellation);
            }
            finally
            {
                lock (_pipes)
                {
                    chosen.InFlight[0]--;
                }
            }
        }

        public void Dispose()
        {
            lock (_pipes)
            {
                foreach (var (pipe, _) in _pipes)
                {
                    pipe.Dispose();
                }

                _pipes.Clear();
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}\p{N}*#@'’])\*(\p{Ll}[\p{L}\p{M}]+)(?![\p{L}\p{N}'’-])")]
    private static partial System.Text.RegularExpressions.Regex UnknownWord();

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var pipe in _pipes.Values)
            {
                pipe.Dispose();
            }

            _pipes.Clear();
        }
    }

    private static string ReadVersion()
    {
        // "Apertium 3.8.3"
        var output = ApertiumPipe.RunToEnd("apertium", "-V").Trim();
        var version = output.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return string.IsNullOrEmpty(version) ? "unknown" : version;
    }

    internal static string? FindOnPath(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>
/// One pair's running pipeline, shared by every thread: requests are written in turn and, since the pipeline
/// keeps the order of its NUL-terminated chunks, a reader thread hands the results back in that order, so
/// several articles are in the pipeline at once. A pipeline that dies fails the requests in it; each is tried
/// once more on a new one.
/// </summary>
internal sealed class ApertiumPipe : IDisposable
{
    private readonly string _modeFile;
    private readonly string _mode;
    private readonly object _gate = new();
    private Running? _running;
    private bool _disposed;

    public ApertiumPipe(string modeFile, string mode)
    {
        _modeFile = modeFile;
        _mode = mode;
    }

    /// <summary>
    /// Translates <paramref name="texts"/>. When <paramref name="cancellation"/> fires first the pipeline is killed
    /// (a program may be busy for minutes on one pathological text: lrx-proc on a 600 KB "word", and everything
    /// behind it waits), which ends the wait; the other requests it held are tried again on a fresh one.
    /// </summary>
    public IReadOnlyList<string> Translate(IReadOnlyList<string> texts, CancellationToken cancellation)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            Running running;
            Request request;
            CancellationTokenRegistration registration;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                running = _running is { Failed: false } ? _running : Restart();
                registration = cancellation.Register(running.Kill);
                request = running.Send(texts);
            }

            using (registration)
            {
                try
                {
                    return request.Wait();
                }
                catch (IOException ex) when (cancellation.IsCancellationRequested)
                {
                    Discard(running);
                    throw new OperationCanceledException($"apertium {_mode} stopped: the time budget ran out", ex, cancellation);
                }
                catch (IOException ex)
                {
                    // A pipeline that died (killed, out of memory) is started once more for the requests it held.
                    Discard(running);
                    if (attempt >= 2)
                    {
                        throw new TranslationException($"apertium {_mode} failed: {ex.Message}", ex);
                    }
                }
            }
        }
    }

    private void Discard(Running running)
    {
        lock (_gate)
        {
            if (_running == running)
            {
                running.Dispose();
                _running = null;
            }
        }
    }

    private Running Restart()
    {
        _running?.Dispose();
        _running = new Running(Start(), _mode);
        return _running;
    }

    private Process Start()
    {
        // apertium-wblank-mode -z turns the mode file into the pipeline with every program in null-flush mode;
        // $1 is the generator's option (-g: mark unknown words), $2 the tagger's (none).
        var script = RunToEnd("apertium-wblank-mode", $"-z \"{_modeFile}\"").Trim();
        if (script.Length == 0)
        {
            throw new TranslationException($"apertium-wblank-mode could not read {_modeFile}");
        }

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("apertium");
        start.ArgumentList.Add("-g");
        start.ArgumentList.Add("");
        start.Environment["LC_ALL"] = "C.UTF-8";
        var process = Process.Start(start) ?? throw new TranslationException($"could not start apertium {_mode}");
        process.ErrorDataReceived += (_, _) => { }; // drained so a chatty program cannot block on stderr
        process.BeginErrorReadLine();
        return process;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _running?.Dispose();
            _running = null;
        }
    }

    /// <summary>The texts of one call and the results as the reader hands them over.</summary>
    private sealed class Request(int count)
    {
        private readonly string[] _results = new string[count];
        private readonly TaskCompletionSource<string[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _filled;

        /// <summary>Takes the next result; true when it was the last.</summary>
        public bool Add(string result)
        {
            _results[_filled++] = result;
            if (_filled < _results.Length)
            {
                return false;
            }

            _done.TrySetResult(_results);
            return true;
        }

        public void Fail(Exception error) => _done.TrySetException(error);

        public IReadOnlyList<string> Wait() => _done.Task.GetAwaiter().GetResult();
    }

    /// <summary>One started pipeline: its input, the requests in it (oldest first) and the thread reading its output.</summary>
    private sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly Queue<Request> _pending = new();
        private readonly Thread _reader;
        private readonly string _mode;

        public Running(Process process, string mode)
        {
            _process = process;
            _mode = mode;
            _input = process.StandardInput.BaseStream;
            _reader = new Thread(Read) { IsBackground = true, Name = "apertium " + mode };
            _reader.Start();
        }

        public bool Failed { get; private set; }

        /// <summary>Queues a request and writes its texts (the caller holds the pipe's lock, so requests never interleave).</summary>
        public Request Send(IReadOnlyList<string> texts)
        {
            var request = new Request(texts.Count);
            lock (_pending)
            {
                if (Failed)
                {
                    request.Fail(new IOException($"the apertium {_mode} pipeline ended"));
                    return request;
                }

                _pending.Enqueue(request);
            }

            try
            {
                foreach (var text in texts)
                {
                    // The empty superblank ends the last word: without a blank after it the analyser waits for more.
                    var bytes = Encoding.UTF8.GetBytes(ApertiumStream.Escape(text) + "[]");
                    _input.Write(bytes);
                    _input.WriteByte(0);
                }

                _input.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                FailAll(new IOException($"the apertium {_mode} pipeline stopped reading: {ex.Message}", ex));
            }

            return request;
        }

        private void Read()
        {
            var output = _process.StandardOutput.BaseStream;
            var buffer = new byte[64 * 1024];
            var chunk = new MemoryStream();
            try
            {
                while (true)
                {
                    var read = output.Read(buffer, 0, buffer.Length);
                    if (read == 0)
                    {
                        FailAll(new IOException("the apertium pipeline ended unexpectedly"));
                        return;
                    }

                    var start = 0;
                    for (var i = 0; i < read; i++)
                    {
                        if (buffer[i] != 0)
                        {
                            continue;
                        }

                        chunk.Write(buffer, start, i - start);
                        start = i + 1;
                        Deliver(ApertiumStream.Unescape(Encoding.UTF8.GetString(chunk.GetBuffer(), 0, (int)chunk.Length)).Trim());
                        chunk.SetLength(0);
                    }

                    chunk.Write(buffer, start, read - start);
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                FailAll(new IOException($"reading the apertium pipeline failed: {ex.Message}", ex));
            }
        }

        private void Deliver(string result)
        {
            lock (_pending)
            {
                if (!_pending.TryPeek(out var request))
                {
                    return; // output nobody asked for: the pipeline is out of step, and its requests were failed already
                }

                if (request.Add(result))
                {
                    _pending.Dequeue();
                }
            }
        }

        private void FailAll(IOException error)
        {
            lock (_pending)
            {
                Failed = true;
                while (_pending.TryDequeue(out var request))
                {
                    request.Fail(error);
                }
            }
        }

        /// <summary>Ends the pipeline at once (its requests fail; the reader sees the end).</summary>
        public void Kill()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // already gone
            }
        }

        public void Dispose()
        {
            FailAll(new IOException($"the apertium {_mode} pipeline was stopped"));
            try
            {
                _input.Close();
                if (!_process.WaitForExit(2000))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // already gone
            }

            _process.Dispose();
        }
    }

    internal static string RunToEnd(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new TranslationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult();
    }
}
