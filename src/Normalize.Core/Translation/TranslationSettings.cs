using Azure;
using Normalize.Core.Rules;
using Normalize.Core.Translation.Azure;

namespace Normalize.Core.Translation;

/// <summary>Which backend translates: <c>--translate azure|apertium|auto|none</c>.</summary>
public enum TranslationMode
{
    /// <summary>Azure when its key is configured, else Apertium where the pair is installed, else none.</summary>
    Auto,
    Azure,
    Apertium,
    None,
}

/// <summary>How the translate stage is set up; the command line maps its flags and the environment onto this.</summary>
public sealed class TranslationSettings
{
    public static TranslationSettings None { get; } = new() { Mode = TranslationMode.None };

    public TranslationMode Mode { get; init; } = TranslationMode.Auto;

    /// <summary>The cache file (JSONL); null keeps the cache in memory for this run only.</summary>
    public string? CachePath { get; init; }

    public Uri? AzureEndpoint { get; init; }

    /// <summary>The Translator key. Never printed, logged or stored.</summary>
    public string? AzureKey { get; init; }

    public string? AzureRegion { get; init; }

    public TextTranslationClientOptions? AzureOptions { get; init; }

    public string ApertiumModesDirectory { get; init; } = ApertiumTranslator.DefaultModesDirectory;

    /// <summary>Called once per language left untranslated, and when the cache had damaged lines.</summary>
    public Action<string> Notice { get; init; } = _ => { };

    /// <summary>The settings of <paramref name="mode"/> with the Azure endpoint, key and region from NORMALIZE_TRANSLATOR_*.</summary>
    public static TranslationSettings FromEnvironment(
        TranslationMode mode, string? cachePath, Action<string> notice, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Variable(string name) => environment(name) is { Length: > 0 } value ? value : null;
        var endpoint = Variable(AzureTranslator.EndpointVariable);
        return new TranslationSettings
        {
            Mode = mode,
            CachePath = cachePath,
            AzureEndpoint = endpoint is null ? null : new Uri(endpoint),
            AzureKey = Variable(AzureTranslator.KeyVariable),
            AzureRegion = Variable(AzureTranslator.RegionVariable),
            Notice = notice,
        };
    }

    /// <summary>
    /// The stage these settings ask for. Throws <see cref="ArgumentException"/> when an explicitly chosen
    /// backend cannot run (azure without a key, apertium not installed).
    /// </summary>
    public TranslateStage CreateStage(RuleFiles rules)
    {
        var translationRules = TranslationRules.Load(rules);
        var translators = new List<ITranslator>();
        var unavailable = new List<string>();
        var hasKey = !string.IsNullOrWhiteSpace(AzureKey);
        if (Mode == TranslationMode.Azure && !hasKey)
        {
            throw new ArgumentException($"--translate azure needs the Translator key in {AzureTranslator.KeyVariable} (and {AzureTranslator.EndpointVariable}, {AzureTranslator.RegionVariable} when not the global endpoint)");
        }

        if (Mode is TranslationMode.Azure || (Mode is TranslationMode.Auto && hasKey))
        {
            var client = new TextTranslationClient(new AzureKeyCredential(AzureKey!), AzureEndpoint, AzureRegion, AzureOptions);
            translators.Add(new AzureTranslator(client));
        }
        else if (Mode is TranslationMode.Auto)
        {
            unavailable.Add($"azure: {AzureTranslator.KeyVariable} is not set");
        }

        if (Mode is TranslationMode.Apertium || (Mode is TranslationMode.Auto && !hasKey))
        {
            var apertium = ApertiumTranslator.Discover(translationRules, out var reason, ApertiumModesDirectory);
            if (apertium is not null)
            {
                translators.Add(apertium);
            }
            else if (Mode is TranslationMode.Apertium)
            {
                throw new ArgumentException($"--translate apertium: {reason}");
            }
            else
            {
                unavailable.Add(reason!);
            }
        }

        TranslationCache cache;
        if (Mode is TranslationMode.None || CachePath is null)
        {
            cache = TranslationCache.InMemory();
        }
        else
        {
            cache = TranslationCache.Open(CachePath, out var skipped);
            if (skipped > 0)
            {
                Notice($"translation cache {CachePath}: {skipped} damaged line(s) skipped (those texts are translated again)");
            }
        }

        return new TranslateStage(translators, translationRules, cache, string.Join("; ", unavailable))
        {
            Notice = Mode is TranslationMode.None ? _ => { } : Notice,
        };
    }
}
