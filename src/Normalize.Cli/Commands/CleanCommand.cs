using System.CommandLine;
using System.Text.Json;
using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Core.Rules;
using Normalize.Core.Search;
using Normalize.Core.Translation;
using Spectre.Console;

namespace Normalize.Cli.Commands;

/// <summary>`normalize clean INPUT... [--out DIR]`: read, clean, write the corpus, index it.</summary>
internal static class CleanCommand
{
    /// <summary>Runs shorter than this never show a progress bar.</summary>
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);

    public static Command Create(CommandIO io)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files (.txt, .html, .jsonl), directories (recursive) or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out") { Description = "Write corpus.jsonl, <id>.txt files and the index folder index.lucene/ here; without it, records go to stdout as JSONL", HelpName = "DIR" };
        var index = CommonOptions.Index("Index into this folder (default: DIR/index.lucene with --out)");
        var noIndex = new Option<bool>("--no-index") { Description = "Write no index" };
        var replace = new Option<bool>("--replace") { Description = "Start the output afresh: the run's articles become the whole corpus (default: add them to it, replacing re-cleaned ids)" };
        var wait = new Option<bool>("--wait") { Description = "If another clean run is writing the same output, wait for it instead of refusing" };
        var stages = new Option<string?>("--stages") { Description = $"Run only these stages, comma-separated ({string.Join(",", StageNames.All)})", HelpName = "LIST" };
        var rules = new Option<string?>("--rules") { Description = "A folder of rule files that extend the built-in ones (same file names)", HelpName = "DIR" };
        var typographicQuotes = new Option<bool>("--typographic-quotes") { Description = "Keep “curly” quotes instead of straight ones" };
        var json = CommonOptions.Json("Print the run's summary as JSON on stdout (with --out)");
        var quiet = CommonOptions.Quiet();
        var translate = new Option<string>("--translate")
        {
            Description = "Translate articles not in English: azure (key in NORMALIZE_TRANSLATOR_KEY), apertium (installed pairs), auto (azure when its key is set, else apertium, else keep the original), none",
            HelpName = "BACKEND",
            DefaultValueFactory = _ => "auto",
        };
        translate.AcceptOnlyFromAmong("auto", "azure", "apertium", "none");
        var translationCache = new Option<string?>("--translation-cache")
        {
            Description = "Translations cache file (default: DIR/translation-cache.jsonl with --out; in memory without)",
            HelpName = "PATH",
        };
        var articlesOnly = new Option<bool>("--articles-only") { Description = "Skip pages that are not articles (listings, forums, product pages, documentation), one warning each" };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Articles cleaned at the same time (default: one per core; the output is the same for any value)",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--jobs must be at least 1");
            }
        });

        var command = new Command("clean", CommonOptions.Describe(
            "Clean articles into a corpus and index it. Without --out the records go to stdout as JSONL; with it, a summary table goes to stderr.",
            "normalize clean scraped/ --out corpus/",
            "0 all inputs cleaned, 1 some inputs failed (the rest were written), 2 usage or setup error, 130 interrupted"))
        {
            inputs, output, index, noIndex, replace, wait, stages, rules, typographicQuotes, json, jobs, translate, translationCache, articlesOnly, quiet,
        };

        command.SetAction((parse, cancellation) => Task.FromResult(Run(io, new Settings(
            parse.GetValue(inputs)!,
            parse.GetValue(output),
            parse.GetValue(index),
            parse.GetValue(noIndex),
            parse.GetValue(replace),
            parse.GetValue(wait),
            parse.GetValue(stages),
            parse.GetValue(rules),
            parse.GetValue(typographicQuotes),
            parse.GetValue(json),
            parse.GetValue(jobs),
            parse.GetValue(translate)!,
            parse.GetValue(translationCache),
            parse.GetValue(articlesOnly),
            parse.GetValue(quiet)), cancellation)));
        return command;
    }

    private sealed record Settings(
        string[] Inputs, string? Out, string? Index, bool NoIndex, bool Replace, bool Wait, string? Stages, string? Rules, bool TypographicQuotes, bool Json, int Jobs,
        string Translate, string? TranslationCache, bool ArticlesOnly, bool Quiet);

    /// <summary>The cache file next to the corpus, unless given.</summary>
    public const string TranslationCacheFileName = "translation-cache.jsonl";


    private static int Run(CommandIO io, Settings settings, CancellationToken cancellation)
    {
        // An unknown option lands among the inputs (INPUT takes any token); say what it is.
        var unknownOption = settings.Inputs.FirstOrDefault(i => i.StartsWith('-') && i != "-" && !File.Exists(i) && !Directory.Exists(i));
        if (unknownOption is not null)
        {
            io.WriteError($"unknown option '{unknownOption}' (see `normalize clean --help`)");
            return ExitCodes.Usage;
        }

        if (settings.NoIndex && settings.Index is not null)
        {
            io.WriteError("--index and --no-index contradict each other; give one");
            return ExitCodes.Usage;
        }

        if (settings.Out is null && (settings.Replace || settings.Wait))
        {
            io.WriteError($"{(settings.Replace ? "--replace" : "--wait")} needs --out DIR");
            return ExitCodes.Usage;
        }

        if (settings.Stages is not null && settings.Stages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == 0)
        {
            io.WriteError($"--stages names no stage; give one or more of {string.Join(",", StageNames.All)}");
            return ExitCodes.Usage;
        }

        NormalizePipeline pipeline;
        var lockStream = new object();
        Core.Ingest.Html.HtmlExtractor htmlExtractor;
        try
        {
            var ruleFiles = settings.Rules is null ? RuleFiles.Embedded : new RuleFiles(settings.Rules);
            htmlExtractor = settings.Rules is null ? Core.Ingest.Html.HtmlExtractor.Default : new Core.Ingest.Html.HtmlExtractor(Core.Ingest.Html.HtmlHints.Load(ruleFiles), blockModel: Core.Learning.BlockModels.Html);
            pipeline = DefaultPipeline.Create(new PipelineOptions
            {
                Rules = ruleFiles,
                KeepTypographicQuotes = settings.TypographicQuotes,
                OnlyStages = settings.Stages?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Translation = TranslationSettings.FromEnvironment(
                    Enum.Parse<TranslationMode>(settings.Translate, ignoreCase: true),
                    settings.TranslationCache ?? (settings.Out is null ? null : Path.Combine(settings.Out, TranslationCacheFileName)),
                    line => { lock (lockStream) { io.Error.WriteLine($"warning: {line}"); } },
                    io.GetEnvironmentVariable),
            });
        }
        catch (Exception ex) when (ex is ArgumentException or RuleFileException)
        {
            io.WriteError(ex.Message);
            return ExitCodes.Usage;
        }

        if (Core.Repair.Dictionaries.System.Availability is { } dictionaryWarning && pipeline.Stages.Any(s => s.Name == StageNames.Repair))
        {
            io.WriteWarning(dictionaryWarning);
        }

        // Before anything is created: an --out that is (or is inside) an input folder must stay untouched.
        var indexPath = settings.NoIndex ? null : settings.Index ?? (settings.Out is null ? null : SearchIndex.DefaultPath(settings.Out));
        if (settings.Out is not null && Core.Corpus.OutputGuard.Check(settings.Inputs, settings.Out, indexPath) is { } conflict)
        {
            io.WriteError(conflict);
            return ExitCodes.Usage;
        }

        if (settings.Out is not null && OutputDirectoryProblem(settings.Out) is { } outProblem)
        {
            io.WriteError(outProblem);
            return ExitCodes.Usage;
        }

        var toStdout = settings.Out is null;
        var progress = new CleanProgress(0, 0, 0, 0);
        var job = new CleanJob
        {
            Inputs = settings.Inputs,
            Pipeline = pipeline,
            Parallelism = settings.Jobs,
            OutputDirectory = settings.Out,
            IndexPath = indexPath,
            Replace = settings.Replace,
            WaitForLock = settings.Wait,
            IngestOptions = new Core.Ingest.IngestOptions
            {
                OpenStandardInput = io.OpenStdin,
                HtmlExtractor = htmlExtractor,
                ArticlesOnly = settings.ArticlesOnly,
                ReportSkipped = line => { lock (lockStream) { io.WriteWarning(line); } },
            },
            ReportError = line => { lock (lockStream) { io.WriteInputError(line); } },
            ReportWarning = line => { lock (lockStream) { io.WriteWarning(line); } },
            ReportNote = line => { lock (lockStream) { io.Error.WriteLine($"note: {TerminalText.Escape(line)}"); } },
            ReportProgress = p => progress = p,
            OnArticle = (_, record) =>
            {
                if (toStdout)
                {
                    lock (lockStream)
                    {
                        io.Out.WriteLine(record);
                    }
                }
            },
        };

        using var stages = new DisposeStages(pipeline);
        CleanSummary summary;
        try
        {
            var work = Task.Run(() => job.Run(cancellation), cancellation);
            var showProgress = io.ErrorIsTerminal && !settings.Json && !settings.Quiet;
            if (!WaitQuietly(work, ProgressDelay) && showProgress)
            {
                io.ErrorConsole().Progress().AutoClear(true).Start(context =>
                {
                    var task = context.AddTask("cleaning");
                    while (!work.IsCompleted)
                    {
                        var current = progress;
                        // Bytes read when the inputs have sizes (one big JSONL moves too), else files.
                        task.MaxValue = current.BytesTotal > 0 ? current.BytesTotal : Math.Max(1, current.FilesTotal);
                        task.Value = current.BytesTotal > 0 ? current.BytesDone : current.FilesDone;
                        task.Description = $"cleaning ({current.Written + current.Failed} articles: {current.Written} written, {current.Failed} failed)";
                        WaitQuietly(work, TimeSpan.FromMilliseconds(150));
                    }
                });
            }

            summary = work.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            io.WriteError(settings.Out is null
                ? "interrupted: nothing of this run was committed (the index is as it was)"
                : "interrupted: nothing of this run was committed (corpus.jsonl, the .txt files and the index are as they were)");
            return ExitCodes.Interrupted;
        }
        catch (Core.Corpus.CorpusException ex)
        {
            io.WriteError(ex.Message);
            return ExitCodes.SomeInputsFailed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SearchIndexException)
        {
            io.WriteError($"cannot write the output: {ex.Message}");
            return ExitCodes.Usage;
        }

        if (!toStdout && (settings.Json || !settings.Quiet))
        {
            PrintSummary(io, summary, settings.Json);
        }

        if (summary.Written == 0 && summary.Failed == 0)
        {
            io.WriteError("nothing to do: the inputs hold no articles");
            return ExitCodes.Usage;
        }

        return summary.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>Ends the stages' resources (translation processes, the cache file) when the run ends.</summary>
    private sealed class DisposeStages(NormalizePipeline pipeline) : IDisposable
    {
        public void Dispose()
        {
            foreach (var stage in pipeline.Stages.OfType<IDisposable>())
            {
                stage.Dispose();
            }
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/>; a failure is left for GetResult to rethrow unwrapped.</summary>
    private static bool WaitQuietly(Task work, TimeSpan timeout) => ((IAsyncResult)work).AsyncWaitHandle.WaitOne(timeout);

    /// <summary>Why <paramref name="directory"/> cannot take the corpus, found before any work starts; null when it can.</summary>
    private static string? OutputDirectoryProblem(string directory)
    {
        if (File.Exists(directory))
        {
            return $"--out {directory}: is a file, not a directory";
        }

        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".normalize-probe-{Environment.ProcessId}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"--out {directory}: permission denied (cannot create or write the directory)";
        }
        catch (IOException ex)
        {
            return $"--out {directory}: cannot create or write the directory ({ex.Message})";
        }
    }

    private static void PrintSummary(CommandIO io, CleanSummary summary, bool json)
    {
        var rate = summary.Elapsed.TotalSeconds > 0 ? summary.Written / summary.Elapsed.TotalSeconds : 0;
        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(new
            {
                written = summary.Written,
                failed = summary.Failed,
                warnings = summary.Warnings,
                seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                corpus = summary.CorpusPath,
                replaced = summary.Replaced,
                corpus_total = summary.CorpusTotal,
                index = summary.IndexPath,
            }));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("written").AddColumn("failed").AddColumn("warnings")
            .AddColumn("time").AddColumn("articles/s");
        table.AddRow(
            summary.Written.ToString(System.Globalization.CultureInfo.InvariantCulture),
            summary.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            summary.Warnings.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{summary.Elapsed.TotalSeconds:0.00} s",
            $"{rate:0}");
        // stderr, like the progress bar: stdout carries only data (records, or --json).
        var console = io.ErrorConsole();
        console.Write(table);
        console.WriteLine(summary.CorpusPath is null
            ? "corpus: -"
            : $"corpus: {summary.CorpusPath} ({summary.CorpusTotal} articles; {summary.Written - summary.Replaced} added, {summary.Replaced} replaced)");
        console.WriteLine($"index:  {summary.IndexPath ?? "-"}");
    }
}
