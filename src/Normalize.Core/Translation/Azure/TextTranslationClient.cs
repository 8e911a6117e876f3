using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Normalize.Core.Translation.Azure;

/// <summary>
/// A client of the Azure AI Translator REST API v3.0 on Azure.Core's <see cref="HttpPipeline"/>, with the
/// surface of Azure.AI.Translation.Text's client (that package is not available here). Requests go to
/// <c>POST {endpoint}/translate?api-version=3.0&amp;to=…[&amp;from=…]</c> with the key, the region (when set) and a
/// trace id in headers and <c>[{"Text": …}]</c> as the body. Content is sent in as many requests as the
/// service's limits need (elements and characters per request); a text longer than a request is split at
/// sentence ends and its translations joined again, so there is one item per text in. Azure.Core's retry
/// policy retries 408, 429 and 5xx with backoff, honouring Retry-After; any other failure is a
/// <see cref="RequestFailedException"/> with the service's error code when its body has one.
/// </summary>
public class TextTranslationClient
{
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";
    public const string RegionHeader = "Ocp-Apim-Subscription-Region";
    public const string TraceHeader = "X-ClientTraceId";

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly TextTranslationClientOptions _options;

    /// <summary>For mocking.</summary>
    protected TextTranslationClient()
    {
        _pipeline = null!;
        _endpoint = null!;
        _options = null!;
    }

    public TextTranslationClient(AzureKeyCredential credential, Uri? endpoint = null, string? region = null, TextTranslationClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        // The key is read at each request (AzureKeyCredential.Update rotates it) and never written anywhere else.
        _options = options ?? new TextTranslationClientOptions();
        _endpoint = endpoint ?? new Uri(TextTranslationClientOptions.DefaultEndpoint);
        var perCall = new List<HttpPipelinePolicy> { new HeaderPolicy(KeyHeader, () => credential.Key) };
        if (!string.IsNullOrWhiteSpace(region))
        {
            perCall.Add(new HeaderPolicy(RegionHeader, () => region));
        }

        perCall.Add(new HeaderPolicy(TraceHeader, () => Guid.NewGuid().ToString()));
        _pipeline = HttpPipelineBuilder.Build(_options, [.. perCall], [], new ResponseClassifier());
    }

    public Uri Endpoint => _endpoint;

    public virtual async Task<Response<IReadOnlyList<TranslatedTextItem>>> TranslateAsync(
        string targetLanguage, IEnumerable<string> content, string? sourceLanguage = null, CancellationToken cancellationToken = default) =>
        await TranslateCore(targetLanguage, content, sourceLanguage, async: true, cancellationToken).ConfigureAwait(false);

    public virtual Response<IReadOnlyList<TranslatedTextItem>> Translate(
        string targetLanguage, IEnumerable<string> content, string? sourceLanguage = null, CancellationToken cancellationToken = default) =>
        TranslateCore(targetLanguage, content, sourceLanguage, async: false, cancellationToken).GetAwaiter().GetResult();

    private async Task<Response<IReadOnlyList<TranslatedTextItem>>> TranslateCore(
        string targetLanguage, IEnumerable<string> content, string? sourceLanguage, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetLanguage);
        ArgumentNullException.ThrowIfNull(content);
        var texts = content.ToList();
        var pieces = new List<(int Text, string Piece)>();
        for (var i = 0; i < texts.Count; i++)
        {
            foreach (var piece in TranslatorLimits.Split(texts[i] ?? "", _options.MaxCharactersPerRequest))
            {
                pieces.Add((i, piece));
            }
        }

        var translated = new List<TranslatedTextItem>(pieces.Count);
        Response? last = null;
        foreach (var batch in TranslatorLimits.Batches(pieces.Select(p => p.Piece).ToList(), _options.MaxElementsPerRequest, _options.MaxCharactersPerRequest))
        {
            var (items, response) = await Send(targetLanguage, sourceLanguage, batch, async, cancellationToken).ConfigureAwait(false);
            translated.AddRange(items);
            last = response;
        }

        // Pieces of one text are joined back: one item per text in.
        var result = new List<TranslatedTextItem>(texts.Count);
        for (int i = 0, p = 0; i < texts.Count; i++)
        {
            var parts = new List<TranslatedTextItem>();
            while (p < pieces.Count && pieces[p].Text == i)
            {
                parts.Add(translated[p++]);
            }

            result.Add(parts.Count == 1 ? parts[0] : Join(parts, targetLanguage));
        }

        return Response.FromValue<IReadOnlyList<TranslatedTextItem>>(result, last!);
    }

    private static TranslatedTextItem Join(List<TranslatedTextItem> parts, string targetLanguage)
    {
        var text = string.Join(" ", parts.Select(p => p.Translations.FirstOrDefault()?.Text ?? "").Where(t => t.Length > 0));
        return new TranslatedTextItem(parts.FirstOrDefault()?.DetectedLanguage, [new TranslationText(targetLanguage, text)]);
    }

    private async Task<(List<TranslatedTextItem> Items, Response Response)> Send(
        string targetLanguage, string? sourceLanguage, IReadOnlyList<string> batch, bool async, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/translate", escape: false);
        request.Uri.AppendQuery("api-version", _options.ApiVersion);
        request.Uri.AppendQuery("to", targetLanguage);
        if (!string.IsNullOrEmpty(sourceLanguage))
        {
            request.Uri.AppendQuery("from", sourceLanguage);
        }

        request.Headers.SetValue("Content-Type", "application/json; charset=UTF-8");
        request.Headers.SetValue("Accept", "application/json");
        request.Content = RequestContent.Create(Body(batch));

        if (async)
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _pipeline.Send(message, cancellationToken);
        }

        var response = message.Response;
        if (response.IsError)
        {
            throw Failure(response);
        }

        var items = Parse(response, batch.Count);
        return (items, response);
    }

    private static byte[] Body(IReadOnlyList<string> batch)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var text in batch)
            {
                writer.WriteStartObject();
                writer.WriteString("Text", text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static List<TranslatedTextItem> Parse(Response response, int expected)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            var items = new List<TranslatedTextItem>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                DetectedLanguage? detected = null;
                if (element.TryGetProperty("detectedLanguage", out var d) && d.ValueKind == JsonValueKind.Object)
                {
                    detected = new DetectedLanguage(
                        d.TryGetProperty("language", out var l) ? l.GetString() ?? "" : "",
                        d.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetSingle() : 0f);
                }

                var translations = new List<TranslationText>();
                if (element.TryGetProperty("translations", out var t) && t.ValueKind == JsonValueKind.Array)
                {
                    foreach (var translation in t.EnumerateArray())
                    {
                        translations.Add(new TranslationText(
                            translation.TryGetProperty("to", out var to) ? to.GetString() ?? "" : "",
                            translation.TryGetProperty("text", out var text) ? text.GetString() ?? "" : ""));
                    }
                }

                items.Add(new TranslatedTextItem(detected, translations));
            }

            if (items.Count != expected)
            {
                throw new RequestFailedException(response.Status, $"Translator returned {items.Count} items for {expected} texts", "UnexpectedResponse", null);
            }

            return items;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new RequestFailedException(response.Status, $"Translator returned a response that is not v3.0 JSON: {ex.Message}", "UnexpectedResponse", ex);
        }
    }

    /// <summary>The service's error (<c>{"error":{"code":401000,"message":…}}</c>) when the body has one; bodies may be empty.</summary>
    private static RequestFailedException Failure(Response response)
    {
        string? code = null;
        string? detail = null;
        try
        {
            if (response.Content.ToMemory().Length > 0)
            {
                using var document = JsonDocument.Parse(response.Content.ToMemory());
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    code = error.TryGetProperty("code", out var c) ? c.ToString() : null;
                    detail = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
            // not JSON: the status alone tells
        }

        var message = new StringBuilder($"Translator returned {response.Status} {response.ReasonPhrase}".TrimEnd());
        message.Append(code is null ? " (no error code in the response)" : $" (error {code}");
        if (code is not null)
        {
            message.Append(detail is null ? ")" : $": {detail})");
        }

        message.Append(response.Status switch
        {
            401 or 403 => "; check NORMALIZE_TRANSLATOR_KEY and NORMALIZE_TRANSLATOR_REGION",
            _ => "",
        });
        return new RequestFailedException(response.Status, message.ToString(), code ?? response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
    }

    /// <summary>Sets one request header on every request (and every retry).</summary>
    private sealed class HeaderPolicy(string name, Func<string> value) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(name, value());
    }
}
