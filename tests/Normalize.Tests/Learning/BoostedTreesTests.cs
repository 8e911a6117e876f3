using Normalize.Core.Learning;

namespace Normalize.Tests.Learning;

public class BoostedTreesTests
{
    private static (List<float[]> Rows, List<bool> Labels, List<double> Weights) Data()
    {
        // Positive when x0 > 0.5 and x1 < 0.3 (an interaction a single threshold cannot learn).
        var rows = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 400; i++)
        {
            var x0 = (i * 37 % 100) / 100f;
            var x1 = (i * 53 % 100) / 100f;
            rows.Add([x0, x1, i % 7]);
            labels.Add(x0 > 0.5 && x1 < 0.3);
        }

        return (rows, labels, rows.Select(_ => 1.0).ToList());
    }

    [Fact]
    public void LearnsAnInteractionAndSurvivesItsTextForm()
    {
        var (rows, labels, weights) = Data();
        var model = BoostedTreesTrainer.Train(["a", "b", "noise"], rows, labels, weights, new BoostingOptions { Trees = 60, RowSample = 0.8 });

        Assert.True(model.Predict([0.8f, 0.1f, 3]) > 0.8);
        Assert.True(model.Predict([0.8f, 0.6f, 3]) < 0.2);
        Assert.True(model.Predict([0.2f, 0.1f, 3]) < 0.2);

        var parsed = BoostedTrees.Parse(model.Write("test model"), "test");
        Assert.Equal(model.Features, parsed.Features);
        foreach (var row in rows)
        {
            Assert.Equal(model.Predict(row), parsed.Predict(row), 12);
        }
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        var (rows, labels, weights) = Data();
        var first = BoostedTreesTrainer.Train(["a", "b", "noise"], rows, labels, weights, new BoostingOptions { Trees = 20 });
        var second = BoostedTreesTrainer.Train(["a", "b", "noise"], rows, labels, weights, new BoostingOptions { Trees = 20 });
        Assert.Equal(first.Write("m"), second.Write("m"));
    }

    [Fact]
    public void ABrokenModelFileIsRefusedWithTheLine()
    {
        var error = Assert.Throws<FormatException>(() => BoostedTrees.Parse("features a b\nbase 0\ntree 1\nnot a node\n", "bad.gbt"));
        Assert.Contains("bad.gbt: line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedModelsMatchTheFeaturesThisBuildComputes()
    {
        Assert.NotNull(BlockModels.Html);
        Assert.NotNull(BlockModels.TextLines);
        Assert.Equal(Normalize.Core.Ingest.Html.PageBlocks.FeatureNames, BlockModels.Html!.Features);
        Assert.Equal(Normalize.Core.Boilerplate.LineFeatures.Names, BlockModels.TextLines!.Features);
    }
}
