using Azure;
using Normalize.Core.Translation.Azure;

namespace Normalize.Core.Translation;

/// <summary>The translate stage's Azure backend: <see cref="TextTranslationClient"/> into English.</summary>
public sealed class AzureTranslator : ITranslator
{
    public const string EndpointVariable = "NORMALIZE_TRANSLATOR_ENDPOINT";
    public const string KeyVariable = "NORMALIZE_TRANSLATOR_KEY";
    public const string RegionVariable = "NORMALIZE_TRANSLATOR_REGION";

    private readonly TextTranslationClient _client;

    public AzureTranslator(TextTranslationClient client) => _client = client;

    public string Name => "azure";

    /// <summary>The service covers every language the stage meets; one it does not is its 400 error.</summary>
    public bool Supports(string language) => true;

    public string Describe(string language) => "azure translator v3.0";

    public IReadOnlyList<string> Translate(string language, IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        // The service has no "hbs" (it has hr, sr-Latn, sr-Cyrl, bs): without "from" it detects which itself.
        var from = language == "hbs" ? null : language;
        try
        {
            var items = _client.Translate(TranslateStage.TargetLanguage, texts, from, cancellation).Value;
            return items.Select(i => i.Translations.FirstOrDefault()?.Text ?? "").ToList();
        }
        catch (RequestFailedException ex)
        {
            throw new TranslationException($"azure: {ex.Message}", ex);
        }
    }
}
