using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Normalize.Core.Corpus;

namespace Normalize.Bench;

/// <summary>
/// `kill-test [--kills 20] [--articles 5000] [--base 1000] [--seed 1]`: kill -9 of `normalize clean` at random
/// moments of a run into a good corpus. After each kill the folder must agree (corpus.jsonl one line per id,
/// the .txt files, the index) as it is when no commit is in flight, and after recovery always, holding the ids
/// from before the run or those plus the whole batch. Even kills re-clean part of the corpus (the rewrite
/// path), odd ones only add (the append path). Half the kills fall at a uniform moment of the run, the other
/// half at a random moment of its commit (0–2 s after commit.json appears), the window a uniform kill rarely hits.
/// </summary>
public static class KillTestRunner
{
    public static int Run(string[] args)
    {
        var kills = BenchProcess.IntArg(args, "--kills", 20);
        var articles = BenchProcess.IntArg(args, "--articles", 5000);
        var baseArticles = BenchProcess.IntArg(args, "--base", 1000);
        var random = new Random(BenchProcess.IntArg(args, "--seed", 1));
        var root = BenchProcess.RepoRoot();
        if (BenchProcess.BuildCli(root) is not { } cli)
        {
            return 1;
        }

        var work = Path.Combine(Path.GetTempPath(), $"normalize-kill-test-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var output = Path.Combine(work, "out");
            var index = Path.Combine(output, "index.lucene");
            var basePath = WriteBatch(work, "base", Enumerable.Range(0, baseArticles).Select(i => ($"base-{i}", "")));
            var stopwatch = Stopwatch.StartNew();
            if (RunCli(cli, basePath, output, killAfter: null) != 0)
            {
                Console.Error.WriteLine("the base run failed");
                return 1;
            }

            // A run's length, from the base run's rate, bounds the kill moments until a whole run is timed.
            var secondsPerArticle = stopwatch.Elapsed.TotalSeconds / baseArticles;
            var runSeconds = Math.Max(1, secondsPerArticle * articles);
            Console.WriteLine($"base corpus: {baseArticles} articles in {stopwatch.Elapsed.TotalSeconds:0.0} s; a {articles}-article run ≈ {runSeconds:0.0} s");
            Console.WriteLine();
            Console.WriteLine("| kill | path | killed at | state after the kill | corpus before → after recovery | agree |");
            Console.WriteLine("|---:|---|---|---|---|---|");

            var failures = 0;
            var phases = new Dictionary<string, int>();
            for (var kill = 1; kill <= kills; kill++)
            {
                var rewrite = kill % 2 == 0;
                var ids = Enumerable.Range(0, articles - (rewrite ? articles / 20 : 0)).Select(i => ($"k{kill}-{i}", ""));
                if (rewrite)
                {
                    ids = ids.Concat(Enumerable.Range(0, articles / 20).Select(i => ($"base-{random.Next(baseArticles)}", $" revised in run {kill}")).DistinctBy(p => p.Item1));
                }

                var batch = ids.ToList();
                var batchPath = WriteBatch(work, $"batch{kill}", batch);
                var before = CorpusAudit.Check(output, index).Ids;
                var inCommit = kill % 4 is 0 or 3;
                var at = inCommit ? random.NextDouble() * 2 : random.NextDouble() * runSeconds;
                var manifest = Path.Combine(output, CorpusStore.StateFolderName, "commit.json");
                var started = Stopwatch.StartNew();
                var exit = RunCli(cli, batchPath, output, TimeSpan.FromSeconds(at), inCommit ? manifest : null);
                if (exit == 0)
                {
                    // A whole run, timed: the next uniform moments fall within a run as long as this one.
                    runSeconds = started.Elapsed.TotalSeconds;
                }

                var pending = File.Exists(manifest);
                var problems = new List<string>();
                if (!pending)
                {
                    // No commit in flight: the folder must agree as it is.
                    problems.AddRange(CorpusAudit.Check(output, index).Problems);
                }

                CorpusStore.Open(output, new CorpusStoreOptions { IndexPath = index }).Dispose();
                var (afterProblems, after) = CorpusAudit.Check(output, index);
                problems.AddRange(afterProblems);
                var withBatch = before.Union(batch.Select(b => b.Item1)).ToHashSet();
                var phase = exit != 137 ? "run finished before the kill"
                    : pending ? "killed after the commit point"
                    : after.SetEquals(before) ? "killed before the commit point"
                    : "killed after the commit was finished";
                if (!after.SetEquals(before) && !after.SetEquals(withBatch))
                {
                    problems.Add($"ids: {after.Count}, expected {before.Count} or {withBatch.Count}");
                }

                phases[phase] = phases.GetValueOrDefault(phase) + 1;
                failures += problems.Count > 0 ? 1 : 0;
                var moment = inCommit ? $"commit + {at * 1000:0} ms" : $"{at:0.00} s";
                Console.WriteLine($"| {kill} | {(rewrite ? "rewrite" : "append")} | {moment} | {phase} | {before.Count} → {after.Count} | {(problems.Count == 0 ? "yes" : "NO: " + string.Join("; ", problems.Take(3)))} |");
            }

            Console.WriteLine();
            foreach (var (phase, count) in phases.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"{phase}: {count}");
            }

            Console.WriteLine($"kills leaving corpus, .txt and index disagreeing (or records lost/duplicated): {failures} of {kills}");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Runs `normalize clean BATCH --out OUT`; with <paramref name="killAfter"/>, SIGKILLs it then if still running,
    /// counted from the start or, with <paramref name="commitFile"/>, from the moment that file appears.
    /// </summary>
    private static int RunCli(string cli, string input, string output, TimeSpan? killAfter, string? commitFile = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "clean", input, "--out", output })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (commitFile is not null)
        {
            while (!process.HasExited && !File.Exists(commitFile))
            {
                Thread.Sleep(1);
            }
        }

        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(); // SIGKILL on Unix: the same as kill -9
        }

        process.WaitForExit();
        _ = stdout.Result;
        if (process.ExitCode is not (0 or 137))
        {
            Console.Error.WriteLine(stderr.Result);
        }

        return process.ExitCode;
    }

    private static string WriteBatch(string work, string name, IEnumerable<(string Id, string Variant)> ids)
    {
        var path = Path.Combine(work, name + ".jsonl");
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        foreach (var (id, variant) in ids)
        {
            var n = id.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) & 0xFFFF;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"The ministry said {n} drones{variant} arrived on Monday , March {1 + n % 28} .\n\nOfficials in Kiev said the deli veries of {n % 90} km had stopped.\n");
            writer.WriteLine(JsonSerializer.Serialize(new { id, title = $"Report {id}", text }));
        }

        return path;
    }
}
