using Azure.Core;

namespace Normalize.Core.Translation.Azure;

/// <summary>Options of <see cref="TextTranslationClient"/>: Azure.Core's (retries, transport, diagnostics) plus the Translator's.</summary>
public sealed class TextTranslationClientOptions : ClientOptions
{
    public const string DefaultEndpoint = "https://api.cognitive.microsofttranslator.com";

    public TextTranslationClientOptions()
    {
        // The key header is never logged; the default allow-list does not name it, this makes it explicit.
        Diagnostics.LoggedHeaderNames.Remove(TextTranslationClient.KeyHeader);
        Diagnostics.IsLoggingContentEnabled = false;
    }

    /// <summary>The Translator REST API version.</summary>
    public string ApiVersion { get; set; } = "3.0";

    /// <summary>Most elements in one request (the service's limit).</summary>
    public int MaxElementsPerRequest { get; set; } = 1000;

    /// <summary>Most characters in one request, all elements together (the service's limit).</summary>
    public int MaxCharactersPerRequest { get; set; } = 50_000;
}
