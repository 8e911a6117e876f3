using System.CommandLine;
using System.Text.Json;
using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Core.Rules;
using Normalize.Core.Search;
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
        var stages = new Option<string?>("--stages") { Description = $"Run only these stages, comma-separated ({string.Join(",", StageNames.All)})", HelpName = "LIST" };
        var rules = new Option<string?>("--rules") { Description = "A folder of rule files that extend the built-in ones (same file names)", HelpName = "DIR" };
        var typographicQuotes = new Option<bool>("--typographic-quotes") { Description = "Keep “curly” quotes instead of straight ones" };
        var json = CommonOptions.Json("Print the run's summary as JSON");
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

        var command = new Command("clean", "Clean articles into a corpus and index it")
        {
            inputs, output, index, noIndex, stages, rules, typographicQuotes, json, jobs, articlesOnly,
        };

        command.SetAction((parse, cancellation) => Task.FromResult(Run(io, new Settings(
            parse.GetValue(inputs)!,
            parse.GetValue(output),
            parse.GetValue(index),
            parse.GetValue(noIndex),
            parse.GetValue(stages),
            parse.GetValue(rules),
            parse.GetValue(typographicQuotes),
            parse.GetValue(json),
            parse.GetValue(jobs),
            parse.GetValue(articlesOnly)), cancellation)));
        return command;
    }

    private sealed record Settings(
        string[] Inputs, string? Out, string? Index, bool NoIndex, string? Stages, string? Rules, bool TypographicQuotes, bool Json, int Jobs, bool ArticlesOnly);

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

        NormalizePipeline pipeline;
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
            });
        }
        catch (Exception ex) when (ex is ArgumentException or RuleFileException)
        {
            io.WriteError(ex.Message);
            return ExitCodes.Usage;
        }

        if (Core.Repair.Dictionaries.System.Availability is { } dictionaryWarning && pipeline.Stages.Any(s => s.Name == StageNames.Repair))
        {
            io.Error.WriteLine($"warning: {dictionaryWarning}");
        }

        if (settings.Out is not null && OutputDirectoryProblem(settings.Out) is { } outProblem)
        {
            io.WriteError(outProblem);
            return ExitCodes.Usage;
        }

        var toStdout = settings.Out is null;
        var indexPath = settings.NoIndex ? null : settings.Index ?? (settings.Out is null ? null : SearchIndex.DefaultPath(settings.Out));
        var lockStream = new object();
        var progress = new CleanProgress(0, 0, 0, 0);
        var job = new CleanJob
        {
            Inputs = settings.Inputs,
            Pipeline = pipeline,
            Parallelism = settings.Jobs,
            OutputDirectory = settings.Out,
            IndexPath = indexPath,
            IngestOptions = new Core.Ingest.IngestOptions
            {
                OpenStandardInput = io.OpenStdin,
                HtmlExtractor = htmlExtractor,
                ArticlesOnly = settings.ArticlesOnly,
                ReportSkipped = line => { lock (lockStream) { io.Error.WriteLine($"warning: {line}"); } },
            },
            ReportError = line => { lock (lockStream) { io.Error.WriteLine($"error: {line}"); } },
            ReportWarning = line => { lock (lockStream) { io.Error.WriteLine($"warning: {line}"); } },
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

        CleanSummary summary;
        try
        {
            var work = Task.Run(() => job.Run(cancellation), cancellation);
            var showProgress = io.ErrorIsTerminal && !settings.Json;
            if (!WaitQuietly(work, ProgressDelay) && showProgress)
            {
                io.ErrorConsole().Progress().AutoClear(true).Start(context =>
                {
                    var task = context.AddTask("cleaning");
                    while (!work.IsCompleted)
                    {
                        var current = progress;
                        task.MaxValue = Math.Max(1, current.FilesTotal);
                        task.Value = current.FilesDone;
                        task.Description = $"cleaning ({current.Written} written, {current.Failed} failed)";
                        WaitQuietly(work, TimeSpan.FromMilliseconds(150));
                    }
                });
            }

            summary = work.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            io.WriteError("interrupted: nothing of this run was committed (corpus.jsonl and the index are as they were)");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SearchIndexException)
        {
            io.WriteError($"cannot write the output: {ex.Message}");
            return ExitCodes.Usage;
        }

        if (!toStdout)
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
        var console = io.OutConsole();
        console.Write(table);
        console.WriteLine($"corpus: {summary.CorpusPath ?? "-"}");
        console.WriteLine($"index:  {summary.IndexPath ?? "-"}");
    }
}
