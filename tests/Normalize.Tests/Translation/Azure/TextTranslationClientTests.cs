using Azure;
using Normalize.Core.Translation;
using Normalize.Core.Translation.Azure;
using Normalize.Tests.Support;

namespace Normalize.Tests.Translation.Azure;

/// <summary>The Translator client against a loopback server speaking the v3.0 wire format.</summary>
public sealed class TextTranslationClientTests : IDisposable
{
    private const string Key = "test-key-5f1e0c9a7b3d";
    private readonly LoopbackTranslator _server = new();

    public void Dispose() => _server.Dispose();

    private TextTranslationClient Client(string? region = "westeurope", int maxRetries = 3)
    {
        var options = new TextTranslationClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.MaxRetries = maxRetries;
        return new TextTranslationClient(new AzureKeyCredential(Key), _server.Endpoint, region, options);
    }

    [Fact]
    public async Task SendsTheV3RequestWithKeyRegionTraceIdAndJsonBody()
    {
        var response = await Client().TranslateAsync("en", ["Hola mundo.", "Adiós."], "es");

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/translate?api-version=3.0&to=en&from=es", request.PathAndQuery);
        Assert.Equal(Key, request.Headers[TextTranslationClient.KeyHeader]);
        Assert.Equal("westeurope", request.Headers[TextTranslationClient.RegionHeader]);
        Assert.True(Guid.TryParse(request.Headers[TextTranslationClient.TraceHeader], out _));
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("""[{"Text":"Hola mundo."},{"Text":"Adi\u00F3s."}]""", request.Body);
        Assert.Equal(["EN(Hola mundo.)", "EN(Adiós.)"], response.Value.Select(i => i.Translations.Single().Text));
        Assert.All(response.Value, i => Assert.Equal("en", i.Translations.Single().TargetLanguage));
    }

    [Fact]
    public void WithoutSourceLanguageTheServiceDetectsItAndNoRegionHeaderIsSent()
    {
        var item = Client(region: null).Translate("en", ["Dobar dan."]).Value.Single();

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/translate?api-version=3.0&to=en", request.PathAndQuery);
        Assert.False(request.Headers.ContainsKey(TextTranslationClient.RegionHeader));
        Assert.Equal("hr", item.DetectedLanguage?.Language);
    }

    [Fact]
    public void SplitsRequestsAtOneThousandElements()
    {
        var texts = Enumerable.Range(0, 2001).Select(i => $"frase {i}").ToList();

        var items = Client().Translate("en", texts, "es").Value;

        Assert.Equal([1000, 1000, 1], _server.Requests.Select(r => r.Texts.Count));
        Assert.Equal(texts.Select(t => $"EN({t})"), items.Select(i => i.Translations.Single().Text));
    }

    [Fact]
    public void SplitsRequestsAtFiftyThousandCharacters()
    {
        // 49,999 + 1 characters fit in one request; one more character opens the next.
        var texts = new List<string> { new('a', 49_999), "b", "c" };

        var items = Client().Translate("en", texts, "es").Value;

        Assert.Equal([2, 1], _server.Requests.Select(r => r.Texts.Count));
        Assert.All(_server.Requests, r => Assert.True(r.Texts.Sum(t => t.Length) <= 50_000));
        Assert.Equal(3, items.Count);
    }

    [Fact]
    public void AParagraphOfFiftyThousandAndOneCharactersIsSplitAtASentenceEndAndJoinedBack()
    {
        var sentence = "Esta es una frase de prueba. "; // 29 characters
        var paragraph = string.Concat(Enumerable.Repeat(sentence, 1725)); // 50,025
        paragraph = paragraph[..50_001];
        Assert.Equal(50_001, paragraph.Length);

        var item = Client().Translate("en", [paragraph], "es").Value.Single();

        Assert.Equal(2, _server.Requests.Count);
        var first = _server.Requests[0].Texts.Single();
        Assert.True(first.Length <= 50_000);
        Assert.EndsWith("prueba. ", first, StringComparison.Ordinal);
        Assert.Equal(paragraph, string.Concat(_server.Requests.Select(r => r.Texts.Single())));
        Assert.Equal($"EN({first}) EN({_server.Requests[1].Texts.Single()})", item.Translations.Single().Text);
    }

    [Fact]
    public void RetriesA429AfterItsRetryAfterAndSucceeds()
    {
        _server.Enqueue(new LoopbackTranslator.Reply(429, """{"error":{"code":429001,"message":"Too many requests"}}""",
            new Dictionary<string, string> { ["Retry-After"] = "1" }));

        var item = Client().Translate("en", ["Hola."], "es").Value.Single();

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
        Assert.Equal("EN(Hola.)", item.Translations.Single().Text);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(503)]
    public void RetriesTimeoutsAndServerErrors(int status)
    {
        _server.Enqueue(new LoopbackTranslator.Reply(status));

        var item = Client().Translate("en", ["Hola."], "es").Value.Single();

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("EN(Hola.)", item.Translations.Single().Text);
    }

    [Fact]
    public void A401WithAnEmptyBodyIsARequestFailedExceptionWithoutTheKey()
    {
        _server.Enqueue(new LoopbackTranslator.Reply(401));

        var error = Assert.Throws<RequestFailedException>(() => Client().Translate("en", ["Hola."], "es"));

        Assert.Single(_server.Requests); // not retried
        Assert.Equal(401, error.Status);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A400CarriesTheServicesErrorCode()
    {
        _server.Enqueue(new LoopbackTranslator.Reply(400, """{"error":{"code":400036,"message":"The target language is not valid."}}"""));

        var error = Assert.Throws<RequestFailedException>(() => Client().Translate("xx", ["Hola."], "es"));

        Assert.Equal("400036", error.ErrorCode);
        Assert.Contains("The target language is not valid.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanWithAzureTranslatesNamesTheArticleOnAuthFailureAndNeverShowsTheKey()
    {
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "in.jsonl");
        File.WriteAllText(input,
            """{"id":"es-one","title":"Un título","lang":"es","text":"Primer párrafo.\n\nSegundo párrafo."}""" + "\n" +
            """{"id":"es-two","lang":"es","text":"Otro artículo."}""" + "\n");
        _server.Enqueue(LoopbackTranslator.Translate);
        _server.Enqueue(new LoopbackTranslator.Reply(403));

        var result = CliRunner.RunWithEnvironment(null, AzureEnvironment(), "clean", input, "--translate", "azure", "--jobs", "1", "--stages", "boilerplate,translate");

        Assert.Equal(1, result.ExitCode);
        var record = System.Text.Json.JsonDocument.Parse(result.Out.Trim()).RootElement;
        Assert.Equal("EN(Un título)", record.GetProperty("title").GetString());
        Assert.Equal("EN(Primer párrafo.)\n\nEN(Segundo párrafo.)", record.GetProperty("text").GetString());
        Assert.Equal("es", record.GetProperty("translated_from").GetString());
        Assert.Equal("en", record.GetProperty("language").GetString());
        Assert.StartsWith("azure", record.GetProperty("translator").GetString(), StringComparison.Ordinal);
        Assert.Equal("Primer párrafo.\n\nSegundo párrafo.", record.GetProperty("original").GetProperty("text").GetString());
        Assert.Contains("es-two", result.Error, StringComparison.Ordinal);
        Assert.Contains("403", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, result.Out + result.Error, StringComparison.Ordinal);
    }

    private Dictionary<string, string> AzureEnvironment() => new()
    {
        [AzureTranslator.KeyVariable] = Key,
        [AzureTranslator.EndpointVariable] = _server.Endpoint.ToString(),
    };
}

/// <summary>The translate stage through the CLI with the Azure backend: cache, auto selection, headings.</summary>
public sealed class TranslateStageAzureTests : IDisposable
{
    private const string Key = "stage-key-0a9b8c7d";
    private readonly LoopbackTranslator _server = new();

    public void Dispose() => _server.Dispose();

    private Dictionary<string, string> Environment() => new()
    {
        [AzureTranslator.KeyVariable] = Key,
        [AzureTranslator.EndpointVariable] = _server.Endpoint.ToString(),
    };

    [Fact]
    public void AutoPicksAzureWhenItsKeyIsSetAndARerunIsServedFromTheCacheByteForByte()
    {
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "in.jsonl");
        File.WriteAllText(input,
            """{"id":"hr-1","title":"Naslov","lang":"hr","text":"Prvi odlomak.\n\nDrugi odlomak."}""" + "\n" +
            """{"id":"en-1","lang":"en","text":"Already English."}""" + "\n");
        var output = Path.Combine(dir.Path, "out");

        var first = CliRunner.RunWithEnvironment(null, Environment(), "clean", input, "--out", output, "--no-index", "--stages", "boilerplate,translate");
        Assert.True(first.ExitCode == 0, first.Error);
        var requests = _server.Requests.Count;
        var corpus = File.ReadAllText(Path.Combine(output, "corpus.jsonl"));

        var second = CliRunner.RunWithEnvironment(null, Environment(), "clean", input, "--out", output, "--no-index", "--stages", "boilerplate,translate");

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(1, requests); // one article, one request: title and paragraphs together; English not sent
        Assert.Equal(requests, _server.Requests.Count);
        Assert.Equal(corpus, File.ReadAllText(Path.Combine(output, "corpus.jsonl")));
        Assert.Equal("/translate?api-version=3.0&to=en&from=hr", _server.Requests[0].PathAndQuery);
        Assert.Contains("\"translated_from\":\"hr\"", corpus, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"Already English.\"", corpus, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, corpus + File.ReadAllText(Path.Combine(output, "translation-cache.jsonl")) + first.Error + second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ATranslatedArticleKeepsItsHeadingsAndIsNotTranslatedTwice()
    {
        var settings = TranslationSettings.FromEnvironment(TranslationMode.Azure, null, _ => { }, name => Environment().GetValueOrDefault(name));
        using var stage = settings.CreateStage(Normalize.Core.Rules.RuleFiles.Embedded);
        var article = new Normalize.Core.Article("es-h", "test", "Primero.\n\nSubtítulo\n\nTercero.") { Language = "es", Title = "Título" };
        article.HeadingParagraphs.Add(1);

        stage.Process(article);
        stage.Process(article);

        Assert.Equal("EN(Primero.)\n\nEN(Subtítulo)\n\nEN(Tercero.)", article.Text);
        Assert.Equal("EN(Título)", article.Title);
        Assert.Equal([1], article.HeadingParagraphs);
        Assert.Equal("Primero.\n\nSubtítulo\n\nTercero.", article.Original!.Text);
        Assert.Single(_server.Requests);
    }
}
