using System.Text.Json;
using System.Text.Json.Serialization;

namespace Normalize.Core.Corpus;

/// <summary>
/// The redo record of one run (<c>.normalize/commit.json</c>). Its atomic rename is the commit point:
/// before it the folder is untouched, after it every step that follows can be redone from it.
/// </summary>
internal sealed record CommitManifest(
    string Run,
    string Generation,
    string PreviousGeneration,
    bool Replace,
    bool Rewrite,
    long CorpusBytesBefore,
    long IdsBytesBefore,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> DeleteFiles,
    string? IndexPath)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>
/// What the folder holds when no run is in progress (<c>.normalize/state.json</c>): the corpus generation
/// (the index stores the one it matches) and the lengths of corpus.jsonl and the id list, so a change
/// made by hand is noticed.
/// </summary>
internal sealed record CorpusState(string Generation, long CorpusBytes, long IdsBytes)
{
    public static readonly CorpusState Empty = new("0", 0, 0);

    /// <summary>The next generation: a counter plus a random tag, so a restored old folder never matches a newer index.</summary>
    public string NextGeneration()
    {
        var counter = long.TryParse(Generation.Split('.')[0], out var n) ? n : 0;
        return $"{counter + 1}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
    }
}
