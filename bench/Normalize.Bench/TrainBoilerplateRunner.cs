using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Normalize.Core.Boilerplate;
using Normalize.Core.Ingest;
using Normalize.Core.Ingest.Html;
using Normalize.Core.Rules;
using Normalize.Core.Learning;

namespace Normalize.Bench;

/// <summary>
/// Trains the HTML block scorer on the labelled dev pages (wcxb-dev, scrapinghub-aeb, mozilla-readability-tests)
/// and reports it honestly: 5-fold cross-validation grouped by site (a site's pages are never in train and test at
/// once) gives the out-of-fold scores, printed beside the in-fold scores of the model trained on every page and
/// beside the rule-based extractor. Then writes the all-pages model to src/Normalize.Core/Models/.
/// Usage: train-boilerplate [--folds K] [--no-write] [--trees N] [--depth D]
/// </summary>
public static class TrainBoilerplateRunner
{
    private const int DefaultFolds = 5;

    public static int Run(string[] args)
    {
        var folds = DefaultFolds;
        var write = true;
        var only = "";
        var options = new BoostingOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--folds" when i + 1 < args.Length:
                    folds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--only" when i + 1 < args.Length && args[i + 1] is "html" or "text":
                    only = args[++i];
                    break;
                case "--no-write":
                    write = false;
                    break;
                case "--trees" when i + 1 < args.Length:
                    options = options with { Trees = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--depth" when i + 1 < args.Length:
                    options = options with { MaxDepth = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                default:
                    Console.Error.WriteLine($"train-boilerplate: unknown argument '{args[i]}' (use --folds K, --only html|text, --no-write, --trees N, --depth D)");
                    return 2;
            }
        }

        var root = SharedData.Require("bench/extraction");
        if (root is null)
        {
            return 0;
        }

        var pages = DevPages.AllSets.SelectMany(set => DevPages.Load(root, set)).ToList();
        if (only != "text")
        {
            TrainHtml(pages, folds, options, write);
        }

        if (only != "html")
        {
            TrainText(pages, folds, options, write);
        }

        return 0;
    }

    private static void TrainHtml(List<DevPage> devPages, int folds, BoostingOptions options, bool write)
    {
        var watch = Stopwatch.StartNew();
        var extractor = new HtmlExtractor(keepBlocks: true);
        var pages = new List<PageData>();
        foreach (var page in devPages)
        {
            var result = extractor.Extract(page.ReadHtml(), page.Url);
            var blocks = result.Extraction?.Blocks ?? [];
            var labels = new BlockLabels(page.Truth).Label(blocks.Select(b => b.Text).ToList());
            pages.Add(new PageData(page, result.Extraction?.Text ?? "", blocks, labels, FoldOf(page.Site, folds)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages.Count} pages, {pages.Sum(p => p.Blocks.Count)} blocks ({pages.Sum(p => p.Labels.Count(l => l))} body), {pages.Select(p => p.Page.Site).Distinct().Count()} sites, {folds} folds grouped by site; read in {watch.Elapsed.TotalSeconds:0.0} s"));

        var outOfFold = new string[pages.Count];
        var policies = Policies.Select(_ => new string[pages.Count]).ToArray();
        watch.Restart();
        for (var fold = 0; fold < folds; fold++)
        {
            var model = Train(pages.Where(p => p.Fold != fold), options);
            for (var i = 0; i < pages.Count; i++)
            {
                if (pages[i].Fold == fold)
                {
                    outOfFold[i] = Apply(pages[i], model);
                    for (var k = 0; k < Policies.Length; k++)
                    {
                        var text = HtmlExtractor.KeepBlocks(pages[i].Blocks, model, Policies[k].KeepInBody, Policies[k].AddOutsideBody);
                        policies[k][i] = text.Length == 0 ? pages[i].RuleText : text;
                    }
                }
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold {fold + 1}/{folds} trained ({watch.Elapsed.TotalSeconds:0} s)"));
        }

        var foldSeconds = watch.Elapsed.TotalSeconds / folds;
        watch.Restart();
        var full = Train(pages, options);
        var inFold = pages.Select(p => Apply(p, full)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training: {watch.Elapsed.TotalSeconds:0.0} s on all pages ({full.TreeCount} trees, depth {options.MaxDepth}), {foldSeconds:0.0} s per fold"));

        Report(pages, [("rules (no model)", pages.Select(p => p.RuleText).ToArray()), ("model out-of-fold", outOfFold), ("model in-fold", inFold)]);
        Console.WriteLine();
        Console.WriteLine($"Decision thresholds, out-of-fold (in use: keep in body >= {BlockModels.KeepInBody}, add outside >= {BlockModels.AddOutsideBody}):");
        var rows = new List<string[]>();
        for (var k = 0; k < Policies.Length; k++)
        {
            rows.Add(PolicyRow($"keep >= {Policies[k].KeepInBody}, add >= {Policies[k].AddOutsideBody}", pages, policies[k]));
        }

        rows.Add(PolicyRow("rules (no model)", pages, pages.Select(p => p.RuleText).ToArray()));
        ExtractionRunner.PrintTable(["policy", "wcxb articles F1", "wcxb others F1", "without", "aeb F1", "readability F1"], rows);
        if (write)
        {
            var path = ModelPath(BlockModels.HtmlBlocksFile);
            File.WriteAllText(path, full.Write(
                "HTML block scorer of Normalize: gradient-boosted trees over PageBlocks.FeatureNames (probability that a block is body text).\n" +
                $"Trained on {pages.Count} dev pages ({string.Join(", ", DevPages.AllSets)}), {pages.Sum(p => p.Blocks.Count)} blocks.\n" +
                "Rebuild: dotnet run -c Release --project bench/Normalize.Bench -- train-boilerplate"), new UTF8Encoding(false));
            Console.WriteLine($"wrote {path}");
        }

    }

    private static readonly (double KeepInBody, double AddOutsideBody)[] Policies = [(0.5, 0.5), (0.3, 0.7), (0.2, 0.8), (0.4, 0.6), (0.3, 0.5), (0.5, 0.7)];

    private static string[] PolicyRow(string name, List<PageData> pages, string[] texts)
    {
        double Word(Func<DevPage, bool> which) => Enumerable.Range(0, pages.Count).Where(i => which(pages[i].Page)).Select(i => WordMetric.Of(pages[i].Page, texts[i]).F1).DefaultIfEmpty(double.NaN).Average();
        var others = pages.Where(p => p.Page.Set == "wcxb-dev" && p.Page.PageType != "article").Select(p => p.Page.PageType).Distinct()
            .Select(t => Word(p => p.Set == "wcxb-dev" && p.PageType == t)).DefaultIfEmpty(double.NaN).Average();
        var without = Enumerable.Range(0, pages.Count).Where(i => pages[i].Page.Set == "wcxb-dev" && pages[i].Page.PageType == "article")
            .Select(i => WordMetric.Of(pages[i].Page, texts[i]).Without).DefaultIfEmpty(double.NaN).Average();
        string Shingle(string set) => ExtractionRunner.F(ShingleMetric.Aggregate(Enumerable.Range(0, pages.Count).Where(i => pages[i].Page.Set == set)
            .Select(i => ShingleMetric.Score(pages[i].Page.Truth, texts[i])).ToList()).F1);
        return [name, ExtractionRunner.F(Word(p => p.Set == "wcxb-dev" && p.PageType == "article")), ExtractionRunner.F(others),
            without.ToString("0.0%", CultureInfo.InvariantCulture), Shingle("scrapinghub-aeb"), Shingle("mozilla-readability-tests")];
    }

    private sealed record PageData(DevPage Page, string RuleText, IReadOnlyList<PageBlock> Blocks, bool[] Labels, int Fold);

    private static BoostedTrees Train(IEnumerable<PageData> pages, BoostingOptions options)
    {
        var rows = new List<float[]>();
        var labels = new List<bool>();
        var weights = new List<double>();
        foreach (var page in pages)
        {
            var pageWeights = page.Blocks.Select(b => Weight(b.Text)).ToList();
            var scale = PageScale(pageWeights);
            for (var i = 0; i < page.Blocks.Count; i++)
            {
                rows.Add(page.Blocks[i].Features);
                labels.Add(page.Labels[i]);
                weights.Add(pageWeights[i] * scale);
            }
        }

        return BoostedTreesTrainer.Train(PageBlocks.FeatureNames, rows, labels, weights, options);
    }

    /// <summary>
    /// The text-dump line scorer: every dev page rendered as the text a scraper dumps (all visible blocks, chrome
    /// included, one per line), read by `clean`'s plain-text reader, lines labelled against the truth (the page
    /// title counts as kept: the stage takes it as the title). Scored on the boilerplate stage's output.
    /// </summary>
    private static void TrainText(List<DevPage> devPages, int folds, BoostingOptions options, bool write)
    {
        var watch = Stopwatch.StartNew();
        var extractor = HtmlExtractor.Default;
        var rules = BoilerplateRules.Load(RuleFiles.Embedded);
        var plainStage = new BoilerplateStage(rules);
        var dumps = new List<DumpData>();
        foreach (var page in devPages)
        {
            var html = Encoding.UTF8.GetString(page.ReadHtml());
            var lines = extractor.VisibleLines(html);
            var dump = string.Join("\n", lines);
            var title = page.Title ?? extractor.Extract(html, page.Url).Extraction?.Metadata.Title;
            var (paragraphs, features) = plainStage.DescribeLines(InputReader.FromPlainText(page.Id, page.Id, dump));
            var labels = new BlockLabels(page.Truth).Label(paragraphs);
            var titleWords = title is null ? "" : string.Join(' ', BlockLabels.Words(title));
            for (var i = 0; i < paragraphs.Count; i++)
            {
                labels[i] |= titleWords.Length > 0 && string.Join(' ', BlockLabels.Words(paragraphs[i])) == titleWords;
            }

            var plain = InputReader.FromPlainText(page.Id, page.Id, dump);
            plainStage.Process(plain);
            dumps.Add(new DumpData(page, dump, paragraphs, features, labels, plain.Text, FoldOf(page.Site, folds)));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"text dumps: {dumps.Count} pages, {dumps.Sum(d => d.Lines.Count)} lines ({dumps.Sum(d => d.Labels.Count(l => l))} body or title); read in {watch.Elapsed.TotalSeconds:0.0} s"));
        var outOfFold = new string[dumps.Count];
        watch.Restart();
        for (var fold = 0; fold < folds; fold++)
        {
            var stage = new BoilerplateStage(rules, TrainLines(dumps.Where(d => d.Fold != fold), options));
            for (var i = 0; i < dumps.Count; i++)
            {
                if (dumps[i].Fold == fold)
                {
                    outOfFold[i] = Clean(stage, dumps[i]);
                }
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"text fold {fold + 1}/{folds} trained ({watch.Elapsed.TotalSeconds:0} s)"));
        }

        var full = TrainLines(dumps, options);
        var fullStage = new BoilerplateStage(rules, full);
        var inFold = dumps.Select(d => Clean(fullStage, d)).ToArray();
        var asPages = dumps.Select(d => new PageData(d.Page, "", [], [], d.Fold)).ToList();
        Console.WriteLine("text dumps through the boilerplate stage (what `clean` does with a text file):");
        Report(asPages, [("all visible text (the dump)", dumps.Select(d => d.Dump).ToArray()), ("rules only", dumps.Select(d => d.RuleText).ToArray()),
            ("rules + line model out-of-fold", outOfFold), ("rules + line model in-fold", inFold)]);
        if (write)
        {
            var path = ModelPath(BlockModels.TextLinesFile);
            File.WriteAllText(path, full.Write(
                "Text-dump line scorer of Normalize: gradient-boosted trees over LineFeatures.Names (probability that a line is body text or the title).\n" +
                $"Trained on the text dumps of {dumps.Count} dev pages ({string.Join(", ", DevPages.AllSets)}), {dumps.Sum(d => d.Lines.Count)} lines.\n" +
                "Rebuild: dotnet run -c Release --project bench/Normalize.Bench -- train-boilerplate"), new UTF8Encoding(false));
            Console.WriteLine($"wrote {path}");
        }
    }

    private sealed record DumpData(DevPage Page, string Dump, IReadOnlyList<string> Lines, float[][] Features, bool[] Labels, string RuleText, int Fold);

    private static string Clean(BoilerplateStage stage, DumpData dump)
    {
        var article = InputReader.FromPlainText(dump.Page.Id, dump.Page.Id, dump.Dump);
        stage.Process(article);
        return article.Text;
    }

    private static BoostedTrees TrainLines(IEnumerable<DumpData> dumps, BoostingOptions options)
    {
        var rows = new List<float[]>();
        var labels = new List<bool>();
        var weights = new List<double>();
        foreach (var dump in dumps)
        {
            var pageWeights = dump.Lines.Select(Weight).ToList();
            var scale = PageScale(pageWeights);
            for (var i = 0; i < dump.Lines.Count; i++)
            {
                rows.Add(dump.Features[i]);
                labels.Add(dump.Labels[i]);
                weights.Add(pageWeights[i] * scale);
            }
        }

        return BoostedTreesTrainer.Train(LineFeatures.Names, rows, labels, weights, options);
    }

    /// <summary>Long blocks weigh more (the metrics count words), but not in proportion: short chrome lines are the leaks.</summary>
    private static double Weight(string text) => Math.Sqrt(1 + BlockLabels.Words(text).Count);

    /// <summary>Every page weighs the same in training, as it does in the metrics (averaged over pages); 100 = a typical page's block count.</summary>
    private static double PageScale(List<double> weights) => weights.Count == 0 ? 0 : 100 / weights.Sum();

    private static string Apply(PageData page, BoostedTrees model)
    {
        var text = HtmlExtractor.KeepBlocks(page.Blocks, model);
        return text.Length == 0 ? page.RuleText : text;
    }

    /// <summary>A site's fold from the SHA-1 of its name: stable across runs and machines.</summary>
    private static int FoldOf(string site, int folds)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(site));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)folds);
    }

    private static void Report(List<PageData> pages, (string Name, string[] Texts)[] systems)
    {
        // The texts, for a look at single pages: $TMPDIR/normalize-train-boilerplate/<system>/<set>/<id>.txt
        var outRoot = Path.Combine(Path.GetTempPath(), "normalize-train-boilerplate");
        foreach (var (name, texts) in systems)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var dir = Path.Combine(outRoot, name.Replace(' ', '-'), pages[i].Page.Set);
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, pages[i].Page.Id + ".txt"), texts[i]);
            }
        }

        foreach (var set in DevPages.AllSets)
        {
            var indexes = Enumerable.Range(0, pages.Count).Where(i => pages[i].Page.Set == set).ToList();
            Console.WriteLine();
            if (pages[indexes[0]].Page.With.Count > 0)
            {
                foreach (var (name, texts) in systems)
                {
                    Console.WriteLine($"{set}, {name}: WCXB word metric by page type");
                    ExtractionRunner.PrintWordTable(indexes.Select(i => pages[i].Page).ToList(), indexes.Select(i => texts[i]).ToList());
                }

                continue;
            }

            var rows = new List<string[]>();
            foreach (var (name, texts) in systems)
            {
                var a = ShingleMetric.Aggregate(indexes.Select(i => ShingleMetric.Score(pages[i].Page.Truth, texts[i])).ToList());
                var w = WordMetric.Mean(indexes.Select(i => WordMetric.Of(pages[i].Page, texts[i])).ToList());
                rows.Add([name, ExtractionRunner.F(a.Precision), ExtractionRunner.F(a.Recall), ExtractionRunner.F(a.F1), ExtractionRunner.F(w.F1)]);
            }

            Console.WriteLine($"{set} ({indexes.Count} pages): shingle metric (score.py), word F1 beside");
            ExtractionRunner.PrintTable(["system", "P", "R", "F1", "word F1"], rows);
        }
    }

    /// <summary>src/Normalize.Core/Models/&lt;name&gt; of the repository the bench runs from.</summary>
    public static string ModelPath(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var models = Path.Combine(dir.FullName, "src", "Normalize.Core", "Models");
            if (Directory.Exists(models))
            {
                return Path.Combine(models, name);
            }
        }

        throw new DirectoryNotFoundException("src/Normalize.Core/Models not found above the current directory; run the bench from the repository");
    }
}
