namespace Normalize.Core.Translation;

/// <summary>A machine-translation backend of the translate stage. Thread-safe.</summary>
public interface ITranslator
{
    /// <summary>Short backend name, part of the cache key: "apertium", "azure".</summary>
    string Name { get; }

    /// <summary>Whether this backend can translate <paramref name="language"/> (the record's primary code: "es", "hr", "hbs") into English.</summary>
    bool Supports(string language);

    /// <summary>Backend name and version for the record's <c>translator</c>: "apertium 3.8.3 spa-eng 0.8.1".</summary>
    string Describe(string language);

    /// <summary>
    /// Translates each text from <paramref name="language"/> into English, one result per text, in order.
    /// Throws <see cref="TranslationException"/> (or the client's own exception) naming what failed, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> fires first (the article's
    /// time budget): a backend must not hold the batch past it.
    /// </summary>
    IReadOnlyList<string> Translate(string language, IReadOnlyList<string> texts, CancellationToken cancellation = default);
}

/// <summary>A translation that could not be made: the backend's reason, for the error line.</summary>
public sealed class TranslationException : Exception
{
    public TranslationException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
