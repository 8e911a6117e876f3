using System.Text.Json;
using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

public class CleanCommandTests
{
    private const string Article1 = "Skip to content\nShells reach the front\n\nThe army said the shells arrived on Monday .\n\nMost popular\n\nOther story one\n\nOther story two\n";
    private const string Article2 = " date 2024-03-18 Home page politics\n\nThe ministry said drones were delivered in March. (dpa)\n";

    [Fact]
    public void WritesCorpusTextFilesAndIndex()
    {
        using var dir = new TempDirectory();
        dir.Write("in/one.txt", Article1);
        dir.Write("in/two.txt", Article2);
        var result = CliRunner.Run("clean", dir.File("in"), "--out", dir.File("out"), "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var lines = File.ReadAllLines(dir.File("out/corpus.jsonl"));
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var record = first.RootElement;
        Assert.Equal("one", record.GetProperty("id").GetString());
        Assert.Equal("Shells reach the front", record.GetProperty("title").GetString());
        Assert.Equal("The army said the shells arrived on Monday.", record.GetProperty("text").GetString());
        foreach (var field in new[] { "source", "date", "authors", "language", "translated_from", "removed", "changes", "flags", "entities", "quantities", "dates" })
        {
            Assert.True(record.TryGetProperty(field, out _), $"field {field} is missing");
        }

        Assert.Equal("Shells reach the front\n\nThe army said the shells arrived on Monday.\n", File.ReadAllText(dir.File("out/one.txt")));
        Assert.True(Directory.Exists(dir.File("out/index.lucene")));
        var search = CliRunner.Run("search", "drones", "--index", dir.File("out/index.lucene"), "--json");
        Assert.Equal(0, search.ExitCode);
        using var hits = JsonDocument.Parse(search.Out);
        var hit = hits.RootElement.EnumerateArray().Single();
        Assert.Equal("two", hit.GetProperty("id").GetString());
        Assert.Equal("2024-03-18", hit.GetProperty("date").GetString());
        Assert.Contains("**drones**", hit.GetProperty("snippet").GetString());
        foreach (var field in new[] { "title", "score", "source" })
        {
            Assert.True(hit.TryGetProperty(field, out _), $"field {field} is missing");
        }
    }

    [Fact]
    public void ARerunIsByteIdenticalAndDoesNotDuplicateTheIndex()
    {
        using var dir = new TempDirectory();
        dir.Write("in/one.txt", Article1);
        dir.Write("in/two.txt", Article2);
        CliRunner.Run("clean", dir.File("in"), "--out", dir.File("out"));
        var firstCorpus = File.ReadAllBytes(dir.File("out/corpus.jsonl"));
        var firstText = File.ReadAllBytes(dir.File("out/two.txt"));
        Assert.Equal(0, CliRunner.Run("clean", dir.File("in"), "--out", dir.File("out")).ExitCode);
        Assert.Equal(firstCorpus, File.ReadAllBytes(dir.File("out/corpus.jsonl")));
        Assert.Equal(firstText, File.ReadAllBytes(dir.File("out/two.txt")));
        var search = CliRunner.Run("search", "shells OR drones", "--index", dir.File("out/index.lucene"), "--json");
        using var hits = JsonDocument.Parse(search.Out);
        Assert.Equal(2, hits.RootElement.GetArrayLength());
        Assert.Empty(Directory.GetFiles(dir.File("out"), "*.tmp"));
    }

    [Fact]
    public void WithoutOutRecordsGoToStdoutAsJsonl()
    {
        var result = CliRunner.RunWithStdin("Plain text with a space before the end .", "clean", "-");
        Assert.Equal(0, result.ExitCode);
        using var record = JsonDocument.Parse(result.Out.Trim());
        Assert.Equal("stdin", record.RootElement.GetProperty("id").GetString());
        Assert.Equal("Plain text with a space before the end.", record.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void StagesOptionRunsOnlyThoseStages()
    {
        var result = CliRunner.RunWithStdin("Skip to content\n\nText with a space .", "clean", "-", "--stages", "typography");
        using var record = JsonDocument.Parse(result.Out.Trim());
        Assert.Equal("Skip to content\n\nText with a space.", record.RootElement.GetProperty("text").GetString());
        var bad = CliRunner.RunWithStdin("x", "clean", "-", "--stages", "typo");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown stage 'typo'", bad.Error);
    }

    [Fact]
    public void BadInputsAreReportedOneLineEachAndTheRestIsWrittenAndIndexed()
    {
        using var dir = new TempDirectory();
        dir.Write("in/good.txt", Article1);
        dir.WriteBytes("in/binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
        dir.WriteBytes("in/empty.txt", []);
        dir.WriteBytes("in/latin1.txt", [.. "Oekra"u8, 0xEF, .. "ne kreeg granaten."u8]);
        var big = dir.File("in/huge.txt");
        using (var stream = File.Create(big))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        File.WriteAllText(dir.File("in/records.jsonl"), "{\"id\":\"rec\",\"text\":\"Record body about drones.\"}\n{not json}\n");
        var locked = dir.Write("in/locked.txt", "Secret text.");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.CreateSymbolicLink(dir.File("in/dangling.txt"), dir.File("nowhere.txt"));
        var missing = dir.File("missing.txt");

        var result = CliRunner.Run("clean", dir.File("in"), missing, "--out", dir.File("out"));

        Assert.Equal(1, result.ExitCode);
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:")).ToList();
        Assert.Contains($"error: {dir.File("in/binary.txt")}: binary data, not text", errors);
        Assert.Contains($"error: {dir.File("in/empty.txt")}: empty file", errors);
        Assert.Contains(errors, e => e.StartsWith($"error: {dir.File("in/huge.txt")}: file is 50 MB, over the 16 MB limit"));
        Assert.Contains(errors, e => e.StartsWith($"error: {dir.File("in/records.jsonl")}:2: malformed JSON"));
        Assert.Contains(errors, e => e.StartsWith($"error: {dir.File("in/dangling.txt")}: cannot read"));
        Assert.Contains($"error: {missing}: no such file or directory", errors);
        Assert.Contains($"warning: {dir.File("in/latin1.txt")}: not valid UTF-8; decoded as Windows-1252", result.Error);
        var rootCanReadAnything = Environment.UserName == "root";
        if (!rootCanReadAnything)
        {
            Assert.Contains($"error: {locked}: cannot read: permission denied", errors);
        }

        var ids = File.ReadAllLines(dir.File("out/corpus.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Contains("good", ids);
        Assert.Contains("latin1", ids);
        Assert.Contains("rec", ids);
        Assert.Contains("Oekraïne", File.ReadAllText(dir.File("out/latin1.txt")));
        var search = CliRunner.Run("search", "drones", "--index", dir.File("out/index.lucene"), "--json");
        Assert.Contains("\"rec\"", search.Out);
    }

    [Fact]
    public void ParallelCleaningWritesTheSameCorpusAndReportsInInputOrder()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 40; i++)
        {
            // Varied articles (numbers, dates, a split word) so the stages have work to race on.
            dir.Write($"in/a{i:00}.txt", $"Headline {i}\n\nThe army said {i * 1000} shells arrived on Monday, March {1 + (i % 28)} .\n\nOfficials in Kiev said the deli veries of 1{i} km had stopped.\n");
            if (i % 10 == 3)
            {
                dir.WriteBytes($"in/a{i:00}-empty.txt", []);
            }
        }

        var sequential = CliRunner.Run("clean", dir.File("in"), "--out", dir.File("seq"), "--jobs", "1", "--quiet");
        var parallel = CliRunner.Run("clean", dir.File("in"), "--out", dir.File("par"), "--jobs", "4", "--quiet");

        Assert.Equal(1, sequential.ExitCode);
        Assert.Equal(1, parallel.ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("seq/corpus.jsonl")), File.ReadAllBytes(dir.File("par/corpus.jsonl")));
        Assert.Equal(40, File.ReadAllLines(dir.File("par/corpus.jsonl")).Length);
        Assert.Equal(sequential.Error.Replace(dir.File("seq"), dir.File("par")), parallel.Error);
        var errors = parallel.Error.Split('\n').Where(l => l.StartsWith("error:")).ToList();
        Assert.Equal(["a03-empty.txt", "a13-empty.txt", "a23-empty.txt", "a33-empty.txt"], errors.Select(e => Path.GetFileName(e.Split(':')[1].Trim())));
    }

    [Fact]
    public void RulesFolderExtendsTheHtmlExtractorHints()
    {
        using var dir = new TempDirectory();
        const string body = "<p>The ministry said on Monday that deliveries had resumed after a pause of several weeks in the east.</p>"
            + "<p>Officials did not say how many shipments were expected before the end of the year, or from where.</p>";
        const string partner = "<partner-box><p>Our partner offers discounted flights to every capital in Europe this winter season.</p></partner-box>";
        dir.Write("in/page.html", $"<html><head><title>Deliveries resume</title></head><body><article><h1>Deliveries resume</h1>{body}{partner}{body}</article></body></html>");
        dir.Write("rules/html.yaml", "version: 1\nremoved_tags: [partner-box]\n");

        var plain = CliRunner.Run("clean", dir.File("in/page.html"), "--stages", "boilerplate");
        var withRules = CliRunner.Run("clean", dir.File("in/page.html"), "--stages", "boilerplate", "--rules", dir.File("rules"));

        Assert.Equal(0, withRules.ExitCode);
        Assert.Contains("discounted flights", plain.Out);
        Assert.DoesNotContain("discounted flights", JsonDocument.Parse(withRules.Out).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void ALineRepeatedAcrossTheSitesArticlesIsRemovedAsChrome()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 4; i++)
        {
            dir.Write($"in/site/a{i}.txt", $"Headline {i}\n\nThe army said {i + 2} convoys arrived on Monday in the east.\n\nFollow our live coverage on Telegram\n\nOfficials gave no figures for the week.\n");
        }

        var batch = CliRunner.Run("clean", dir.File("in"), "--stages", "boilerplate");
        var alone = CliRunner.Run("clean", dir.File("in/site/a0.txt"), "--stages", "boilerplate");

        foreach (var line in batch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JsonDocument.Parse(line).RootElement;
            Assert.DoesNotContain("Telegram", record.GetProperty("text").GetString());
            Assert.Contains(record.GetProperty("removed").EnumerateArray(), r => r.GetProperty("reason").GetString() == "repeated-line");
        }

        Assert.Contains("Telegram", alone.Out);
    }

    [Fact]
    public void JobsBelowOneIsAUsageError()
    {
        var result = CliRunner.RunWithStdin("Text.", "clean", "-", "--jobs", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--jobs must be at least 1", result.Error);
    }

    [Fact]
    public void DuplicateIdsAreAnErrorNotAnOverwrite()
    {
        using var dir = new TempDirectory();
        dir.Write("a/same.txt", "First body.");
        dir.Write("b/same.txt", "Second body.");
        var result = CliRunner.Run("clean", dir.File("a"), dir.File("b"), "--out", dir.File("out"), "--no-index");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("duplicate id 'same'", result.Error);
        Assert.Equal("First body.\n", File.ReadAllText(dir.File("out/same.txt")));
        Assert.False(Directory.Exists(dir.File("out/index.lucene")));
    }

    [Fact]
    public void NothingToDoIsAUsageError()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("in"));
        var result = CliRunner.Run("clean", dir.File("in"), "--out", dir.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing to do", result.Error);
    }

    [Fact]
    public void JsonSummaryIsMachineReadable()
    {
        using var dir = new TempDirectory();
        dir.Write("in/one.txt", Article1);
        var result = CliRunner.Run("clean", dir.File("in"), "--out", dir.File("out"), "--json");
        using var summary = JsonDocument.Parse(result.Out);
        Assert.Equal(1, summary.RootElement.GetProperty("written").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("failed").GetInt32());
    }
}
