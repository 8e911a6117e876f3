using System.Diagnostics;
using System.Text;

namespace Normalize.Core.Translation;

/// <summary>
/// Debian's Apertium: the installed <c>xx-eng</c> pairs, each run as one long-lived pipeline in null-flush
/// mode (every program of the mode with <c>-z</c>): an article's paragraphs are written as NUL-terminated
/// chunks and read back the same way, so no process starts per paragraph or per article. Unknown words keep
/// Apertium's marks (<c>*w</c>, <c>@w</c>, <c>#w</c>); the repair stage strips them and flags the sentence.
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
    /// Up to one pipeline per core for a pair, started as articles need them: an article waits for the whole
    /// pipeline to hand its last paragraph back, so a second article in flight keeps the cores busy meanwhile.
    /// </summary>
    private sealed class PipePool(string modeFile, string mode, int size) : IDisposable
    {
        private readonly SemaphoreSlim _slots = new(size, size);
        private readonly System.Collections.Concurrent.ConcurrentBag<ApertiumPipe> _idle = [];
        private readonly List<ApertiumPipe> _all = [];

        public IReadOnlyList<string> Translate(IReadOnlyList<string> texts, CancellationToken cancellation)
        {
            _slots.Wait(cancellation);
            if (!_idle.TryTake(out var pipe))
            {
                pipe = new ApertiumPipe(modeFile, mode);
                lock (_all)
                {
                    _all.Add(pipe);
                }
            }

            try
            {
                return pipe.Translate(texts, cancellation);
            }
            finally
            {
                _idle.Add(pipe);
                _slots.Release();
            }
        }

        public void Dispose()
        {
            lock (_all)
            {
                foreach (var pipe in _all)
                {
                    pipe.Dispose();
                }

                _all.Clear();
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

/// <summary>One pair's running pipeline. One article at a time; restarted when it died.</summary>
internal sealed class ApertiumPipe : IDisposable
{
    private readonly string _modeFile;
    private readonly string _mode;
    private readonly object _gate = new();
    private Process? _process;

    public ApertiumPipe(string modeFile, string mode)
    {
        _modeFile = modeFile;
        _mode = mode;
    }

    /// <summary>
    /// Translates <paramref name="texts"/>. When <paramref name="cancellation"/> fires first the pipeline is killed
    /// (a program may be busy for minutes on one pathological text: lrx-proc on a 600 KB "word"), which ends the
    /// read; the next article starts a fresh one.
    /// </summary>
    public IReadOnlyList<string> Translate(IReadOnlyList<string> texts, CancellationToken cancellation)
    {
        lock (_gate)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var process = Start();
                using (cancellation.Register(() => Kill(process)))
                {
                    return Exchange(process, texts);
                }
            }
            catch (Exception ex) when ((ex is IOException or InvalidOperationException) && cancellation.IsCancellationRequested)
            {
                Stop();
                throw new OperationCanceledException($"apertium {_mode} stopped: the time budget ran out", ex, cancellation);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                // A pipeline that died (killed, out of memory) is started once more for this article.
                Stop();
                try
                {
                    return Exchange(Start(), texts);
                }
                catch (Exception again) when (again is IOException or InvalidOperationException)
                {
                    Stop();
                    throw new TranslationException($"apertium {_mode} failed: {again.Message}", again);
                }
            }
        }
    }

    private static List<string> Exchange(Process process, IReadOnlyList<string> texts)
    {
        // Writing runs beside reading: a long article would otherwise fill both pipes and block.
        var input = process.StandardInput.BaseStream;
        var writer = Task.Run(() =>
        {
            foreach (var text in texts)
            {
                // The empty superblank ends the last word: without a blank after it the analyser waits for more.
                var bytes = Encoding.UTF8.GetBytes(ApertiumStream.Escape(text) + "[]");
                input.Write(bytes);
                input.WriteByte(0);
            }

            input.Flush();
        });

        var output = process.StandardOutput.BaseStream;
        var results = new List<string>(texts.Count);
        var buffer = new MemoryStream();
        while (results.Count < texts.Count)
        {
            var b = output.ReadByte();
            if (b < 0)
            {
                // The writer fails too when the pipeline was killed; wait for it without rethrowing that as an
                // AggregateException, so the caller sees one IOException (a cancellation, or a pipeline to restart).
                ((IAsyncResult)writer).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(1));
                throw new IOException("the apertium pipeline ended unexpectedly", writer.Exception?.InnerException);
            }

            if (b == 0)
            {
                results.Add(ApertiumStream.Unescape(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Trim());
                buffer.SetLength(0);
            }
            else
            {
                buffer.WriteByte((byte)b);
            }
        }

        writer.GetAwaiter().GetResult();
        return results;
    }

    private Process Start()
    {
        if (_process is { HasExited: false })
        {
            return _process;
        }

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
        _process = process;
        return process;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
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
        _process = null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Stop();
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
