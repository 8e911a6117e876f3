namespace Normalize.Core.Translation.Azure;

/// <summary>One translated element of a Translator v3.0 response (mirrors Azure.AI.Translation.Text's model).</summary>
public sealed record TranslatedTextItem(DetectedLanguage? DetectedLanguage, IReadOnlyList<TranslationText> Translations);

/// <summary>The language the service detected when no source language was given.</summary>
public sealed record DetectedLanguage(string Language, float Confidence);

/// <summary>The text in one target language.</summary>
public sealed record TranslationText(string TargetLanguage, string Text);
