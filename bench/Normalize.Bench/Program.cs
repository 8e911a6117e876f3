// Benchmarks and quality evaluations. One runner per file; `dotnet run -c Release --project bench/Normalize.Bench -- <runner> [args]`.
// Runners read evaluation data from ../shared/bench and skip with a message when it is absent.
using Normalize.Bench;

var runners = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["throughput"] = ThroughputRunner.Run,
    ["extraction"] = ExtractionRunner.Run,
    ["metadata"] = MetadataRunner.Run,
    ["repair"] = RepairRunner.Run,
    ["normalization"] = NormalizationRunner.Run,
    ["stage-cost"] = StageCostRunner.Run,
    ["translation"] = TranslationRunner.Run,
    ["kill-test"] = KillTestRunner.Run,
    ["train-boilerplate"] = TrainBoilerplateRunner.Run,
    ["scale"] = ScaleRunner.Run,
    ["scale-copy"] = ScaleRunner.Copy, // the plain read-and-write that `scale` runs in a child process
    ["scale-generate"] = ScaleRunner.GenerateOnly, // one of `scale`'s batches, to profile by hand
    ["train-langid"] = LangIdTrainer.Run,
    ["langid"] = LangIdRunner.Run,
    ["search"] = Normalize.Bench.Search.SearchRunner.Run,
    ["fuzz"] = FuzzRunner.Run,
    ["stage-scaling"] = StageScalingRunner.Run,
};

if (args.Length == 0 || !runners.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Normalize.Bench <{string.Join("|", runners.Keys)}> [args]");
    return 2;
}

return run(args[1..]);
