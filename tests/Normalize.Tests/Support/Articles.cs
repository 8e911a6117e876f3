using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;

namespace Normalize.Tests.Support;

/// <summary>Builds articles and runs stages on them, for stage-level tests.</summary>
public static class Articles
{
    public static Article FromText(string raw, string id = "test") => InputReader.FromPlainText(id, id + ".txt", raw);

    public static Article Clean(string raw, params string[] stages)
    {
        var options = new PipelineOptions { OnlyStages = stages.Length == 0 ? null : stages };
        return DefaultPipeline.Create(options).Process(FromText(raw));
    }
}
