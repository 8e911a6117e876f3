using System.Text;
using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;

namespace Normalize.Bench;

/// <summary>
/// Which stage grows faster than its input (issue 14 item 12): the fuzz runner's pathological shapes (giant
/// token, runs of dots and spaces, repeated words, deep nesting, one long paragraph, many short paragraphs,
/// number soup) embedded in a real article at growing sizes, each stage's CPU time on its own thread (not wall
/// time: the machine is shared). A stage whose time grows by ~4× per doubling is quadratic.
/// Usage: stage-scaling [--sizes 25000,50000,100000] [--shape NAME]
/// </summary>
public static class StageScalingRunner
{
    public static int Run(string[] args)
    {
        var sizesIndex = Array.IndexOf(args, "--sizes");
        var sizes = sizesIndex >= 0 && sizesIndex + 1 < args.Length
            ? args[sizesIndex + 1].Split(',').Select(int.Parse).ToArray()
            : [25_000, 50_000, 100_000];
        var shapeIndex = Array.IndexOf(args, "--shape");
        var only = shapeIndex >= 0 && shapeIndex + 1 < args.Length ? args[shapeIndex + 1] : null;
        var prose = File.ReadAllText(Path.Combine(BenchProcess.RepoRoot(), "seeds", "en-chrome-kyiv-wire.txt"));
        var pipeline = DefaultPipeline.Create(new PipelineOptions { Budget = ArticleBudget.Unlimited });
        var names = pipeline.Stages.Select(s => s.Name).ToList();

        // Warm up (JIT, rule files) on the plain article.
        pipeline.Process(InputReader.FromPlainText("warm", "warm.txt", prose));

        Console.WriteLine($"{"shape",-18} {"chars",8} " + string.Join(" ", names.Select(n => $"{n,11}")) + "   (CPU ms per stage)");
        var growth = new Dictionary<(string Shape, string Stage), List<double>>();
        foreach (var (shape, make) in Shapes())
        {
            if (only is not null && shape != only)
            {
                continue;
            }

            foreach (var size in sizes)
            {
                var article = InputReader.FromPlainText("scaling", "scaling.txt", prose + "\n" + make(size) + "\n" + prose);
                article.StripControlCharacters();
                var row = new List<double>();
                foreach (var stage in pipeline.Stages)
                {
                    var before = BenchProcess.ThreadCpuSeconds();
                    stage.Process(article);
                    var ms = (BenchProcess.ThreadCpuSeconds() - before) * 1000;
                    row.Add(ms);
                    growth.TryAdd((shape, stage.Name), []);
                    growth[(shape, stage.Name)].Add(ms);
                }

                Console.WriteLine($"{shape,-18} {size,8} " + string.Join(" ", row.Select(ms => $"{ms,11:0}")));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"growth from {sizes[0]:N0} to {sizes[^1]:N0} chars ({sizes[^1] / (double)sizes[0]:0}× the input), stages over 50 ms at the largest size:");
        foreach (var ((shape, stage), times) in growth.Where(g => g.Value[^1] > 50).OrderByDescending(g => g.Value[^1] / Math.Max(1, g.Value[0])))
        {
            Console.WriteLine($"  {shape,-18} {stage,-12} {times[0],8:0} ms → {times[^1],8:0} ms  ×{times[^1] / Math.Max(1, times[0]),6:0.0}");
        }

        return 0;
    }

    private static IEnumerable<(string Name, Func<int, string> Make)> Shapes()
    {
        var random = new Random(5);
        string Words(int chars)
        {
            var builder = new StringBuilder(chars + 8);
            while (builder.Length < chars)
            {
                for (var i = random.Next(1, 8); i > 0; i--)
                {
                    builder.Append((char)('a' + random.Next(26)));
                }
            }

            return builder.ToString();
        }

        string Repeat(string piece, int chars) => new StringBuilder(chars + piece.Length).Insert(0, piece, Math.Max(1, chars / piece.Length)).ToString();
        var sentence = "The ministry said on Monday that 5 km of road near Kyiv had been repaired, officials in Kiev said. ";
        yield return ("giant-token", n => "US sanct" + Words(n));
        yield return ("dot-run", n => " " + new string('.', n) + " ");
        yield return ("space-run", n => "a" + new string(' ', n) + "b");
        yield return ("tab-run", n => "a" + new string('\t', n) + "b");
        yield return ("repeated-the", n => Repeat("the ", n));
        yield return ("repeated-5km", n => Repeat("5 km ", n));
        yield return ("repeated-monday", n => Repeat("on Monday ", n));
        yield return ("repeated-7-000", n => Repeat("7 000 ", n));
        yield return ("nesting", n => Repeat("((\"[", n / 2) + " text " + Repeat("]\"))", n / 2));
        yield return ("long-paragraph", n => Repeat(sentence, n));
        yield return ("short-paragraphs", n => Repeat("Kiev said 7 000 on Monday.\n\n", n));
        yield return ("lines", n => Repeat("Kiev said so\n", n));
        yield return ("number-soup", n => Repeat("1/２ NaN at 5pm tomorrow up to 10 9999-12-31 1e400 3/4/5/6 １２３ 12:61 31/02/2024 1,5 $5m — ", n));
        yield return ("quotes", n => Repeat("“a” ‘b’ « c » ", n));
        yield return ("capitals", n => Repeat("Kiev Kyiv Moscow Washington NATO EU ", n));
        yield return ("digit-run", n => " " + new string('7', n) + " ");
        yield return ("dotted-digits", n => " " + Repeat("1.", n) + " ");
        yield return ("comma-digits", n => " " + Repeat("1,", n) + " ");
        yield return ("spaced-digits", n => " " + Repeat("123 ", n) + " ");
        yield return ("dash-digits", n => " " + Repeat("1-", n) + " ");
        yield return ("slash-digits", n => " " + Repeat("1/", n) + " ");
        yield return ("colon-digits", n => " " + Repeat("12:", n) + " ");
        yield return ("alnum-token", n => " " + Repeat("a1", n) + " ");
        yield return ("german-paragraphs", n => Repeat("Die Armee sagte am Montag, dass 7 000 Granaten in Kiew angekommen seien.\n\n", n));
        yield return ("garbled", n => Repeat("Kiew/Berlin – Actually should after more than two years war the Russian stocks long empty be. ", n));
        yield return ("garbled-paragraphs", n => Repeat("That the Kremlin still not has run out, lies also at deliveries from North Korea.\n\n", n));
    }
}
