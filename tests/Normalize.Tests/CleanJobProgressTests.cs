using Normalize.Core;
using Normalize.Tests.Support;

namespace Normalize.Tests;

/// <summary>Progress moves with articles, not only with files: one big JSONL file must not sit at 0 for the whole run.</summary>
public class CleanJobProgressTests
{
    [Fact]
    public void OneJsonlFileReportsEachArticleAndTheBytesRead()
    {
        using var dir = new TempDirectory();
        // Records bigger than a reader buffer, so the bytes read move between them.
        var filler = string.Join(" ", Enumerable.Repeat("The ministry said the convoy reached the border town.", 120));
        var lines = Enumerable.Range(0, 4).Select(i => $"{{\"id\":\"r{i}\",\"title\":\"Report {i}\",\"text\":\"Report {i}. {filler}\"}}");
        var input = dir.Write("big.jsonl", string.Join("\n", lines) + "\n");
        var reports = new List<CleanProgress>();
        var job = new CleanJob
        {
            Inputs = [input],
            Pipeline = Normalize.Core.Pipeline.DefaultPipeline.Create(),
            Parallelism = 1,
            ReportProgress = reports.Add,
        };

        job.Run();

        var beforeFileDone = reports.Where(p => p.FilesDone == 0).ToList();
        Assert.Equal([1, 2, 3, 4], beforeFileDone.Select(p => p.Written));
        Assert.All(reports, p => Assert.Equal(new FileInfo(input).Length, p.BytesTotal));
        Assert.True(beforeFileDone[0].BytesDone > 0 && beforeFileDone[0].BytesDone < beforeFileDone[3].BytesDone,
            $"bytes read did not move: {string.Join(", ", beforeFileDone.Select(p => p.BytesDone))}");
        Assert.Equal(reports[^1].BytesTotal, reports[^1].BytesDone);
    }
}
