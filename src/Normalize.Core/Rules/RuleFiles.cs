using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Normalize.Core.Rules;

/// <summary>
/// Loads rule data: the versioned YAML files embedded in this assembly (source: src/Normalize.Core/Rules/)
/// plus the user's own files of the same name from <c>--rules DIR</c>. Unknown keys are rejected,
/// so a typo in a rule file is an error, not a silently ignored rule.
/// </summary>
public sealed class RuleFiles
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public RuleFiles(string? userDirectory = null)
    {
        if (userDirectory is not null && !Directory.Exists(userDirectory))
        {
            throw new RuleFileException($"rules directory '{userDirectory}' does not exist");
        }

        UserDirectory = userDirectory;
        if (userDirectory is not null)
        {
            RejectUnknownFiles(userDirectory);
        }
    }

    /// <summary>A user rule file no built-in file is named like is never read: a typo, so an error rather than a silently ignored file.</summary>
    private static void RejectUnknownFiles(string userDirectory)
    {
        var known = EmbeddedNames().ToHashSet(StringComparer.Ordinal);
        var ruleExtensions = new[] { ".yaml", ".yml", ".tsv" };
        foreach (var file in Directory.EnumerateFiles(userDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(userDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
            if (ruleExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()) && !known.Contains(relative))
            {
                throw new RuleFileException($"rules directory '{userDirectory}': unknown rule file '{relative}' (known names: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
            }
        }
    }

    public static RuleFiles Embedded { get; } = new();

    public string? UserDirectory { get; }

    /// <summary>
    /// The embedded file <paramref name="relativePath"/> (e.g. "boilerplate.yaml"), then the user's
    /// file of the same relative path if there is one. Both are returned so callers can merge.
    /// </summary>
    public IReadOnlyList<T> Load<T>(string relativePath)
    {
        var result = new List<T>();
        var embedded = ReadEmbedded(relativePath)
            ?? throw new RuleFileException($"embedded rule file '{relativePath}' is missing from the build");
        result.Add(Parse<T>(embedded, $"embedded {relativePath}"));

        if (UserDirectory is not null)
        {
            var userPath = Path.Combine(UserDirectory, relativePath);
            if (File.Exists(userPath))
            {
                result.Add(Parse<T>(File.ReadAllText(userPath), userPath));
            }
        }

        return result;
    }

    /// <summary>Names of the embedded rule files under <paramref name="folder"/> ("" for all).</summary>
    public static IEnumerable<string> EmbeddedNames(string folder = "")
    {
        const string prefix = "Normalize.Rules.";
        return typeof(RuleFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix + folder, StringComparison.Ordinal))
            .Select(n => n[prefix.Length..])
            .Order(StringComparer.Ordinal);
    }

    public static string? ReadEmbedded(string relativePath)
    {
        var name = "Normalize.Rules." + relativePath.Replace('\\', '/').Replace('/', Path.DirectorySeparatorChar);
        using var stream = typeof(RuleFiles).Assembly.GetManifestResourceStream(name)
            ?? typeof(RuleFiles).Assembly.GetManifestResourceStream("Normalize.Rules." + relativePath);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static T Parse<T>(string yaml, string origin)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml)
                ?? throw new RuleFileException($"{origin}: the file is empty");
        }
        catch (YamlException ex)
        {
            throw new RuleFileException($"{origin}: {ex.Message} (line {ex.Start.Line})", ex);
        }
    }
}

public sealed class RuleFileException : Exception
{
    public RuleFileException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
