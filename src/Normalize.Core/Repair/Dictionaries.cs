namespace Normalize.Core.Repair;

/// <summary>
/// The Hunspell dictionaries repair uses: English (is it a word?) and the source languages whose
/// leftovers it recognises. Opened once per process from /usr/share/hunspell (or
/// $NORMALIZE_HUNSPELL_DIR); whatever is missing turns the repairs that need it off, and
/// <see cref="Availability"/> says which and how to enable them.
/// </summary>
public sealed class Dictionaries
{
    /// <summary>BCP-47 code → Hunspell dictionary name and the Debian package that ships it.</summary>
    public static readonly IReadOnlyList<(string Language, string Name, string Package)> Known =
    [
        ("en", "en_US", "hunspell-en-us"),
        ("en-GB", "en_GB", "hunspell-en-gb"),
        ("de", "de_DE", "hunspell-de-de"),
        ("nl", "nl", "hunspell-nl"),
        ("fr", "fr", "hunspell-fr"),
        ("es", "es_ES", "hunspell-es"),
    ];

    private const string LibraryPackage = "libhunspell-1.7-0";

    private static readonly Lazy<Dictionaries> SystemInstance = new(() => Open(DefaultDirectories()));

    /// <summary>Opened on first use: loading a large dictionary takes a while and most texts need only English.</summary>
    private readonly Dictionary<string, Lazy<Hunspell?>> _byLanguage;

    private Dictionaries(Dictionary<string, Lazy<Hunspell?>> byLanguage, string? availability)
    {
        _byLanguage = byLanguage;
        Availability = availability;
    }

    /// <summary>The dictionaries installed on this machine (opened on first use).</summary>
    public static Dictionaries System => SystemInstance.Value;

    /// <summary>No dictionaries at all: the dictionary-based repairs are off.</summary>
    public static Dictionaries None { get; } = Open([]);

    /// <summary>
    /// Null when everything is installed; otherwise one warning line naming the repairs that are
    /// off and the apt-get command that turns them on. The command line prints it once on stderr.
    /// </summary>
    public string? Availability { get; }

    /// <summary>English: split-word, truncated-word and leftover checks need it.</summary>
    public Hunspell? English => For("en");

    public IEnumerable<string> SourceLanguages =>
        _byLanguage.Keys.Where(k => !k.StartsWith("en", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>An English word in American or British spelling ("civilisation" is English, not a French leftover).</summary>
    public bool IsEnglishWord(string word) =>
        English is { } english && (english.Spell(word) || For("en-GB")?.Spell(word) == true);

    public Hunspell? For(string language) => _byLanguage.GetValueOrDefault(language)?.Value;

    /// <summary>Opens the dictionaries found in the first of <paramref name="directories"/> that has each.</summary>
    public static Dictionaries Open(IReadOnlyList<string> directories)
    {
        var opened = new Dictionary<string, Lazy<Hunspell?>>(StringComparer.Ordinal);
        var missing = new List<(string Language, string Package)>();
        var library = Hunspell.LibraryAvailable();
        foreach (var (language, name, package) in Known)
        {
            var directory = directories.FirstOrDefault(d =>
                File.Exists(Path.Combine(d, name + ".aff")) && File.Exists(Path.Combine(d, name + ".dic")));
            if (!library || directory is null)
            {
                missing.Add((language, package));
            }
            else
            {
                opened[language] = new Lazy<Hunspell?>(() => Hunspell.TryOpen(directory, name));
            }
        }

        return new Dictionaries(opened, Describe(library, missing));
    }

    private static string? Describe(bool library, List<(string Language, string Package)> missing)
    {
        if (library && missing.Count == 0)
        {
            return null;
        }

        var packages = missing.Select(m => m.Package).ToList();
        if (!library)
        {
            packages.Insert(0, LibraryPackage);
        }

        string off;
        if (!library || missing.Any(m => m.Language == "en"))
        {
            off = "split-word, truncated-word, stray-word and source-language leftover repairs are off";
        }
        else
        {
            var parts = new List<string>();
            var sources = missing.Where(m => !m.Language.StartsWith("en", StringComparison.Ordinal)).Select(m => m.Language).ToList();
            if (sources.Count > 0)
            {
                parts.Add($"leftover detection for {string.Join(", ", sources)} is off");
            }

            if (missing.Any(m => m.Language == "en-GB"))
            {
                parts.Add("British spellings are not recognised as English");
            }

            off = string.Join("; ", parts);
        }

        var what = library ? "Hunspell dictionaries missing" : $"Hunspell ({Hunspell.Library}) not found";
        return $"repair: {what}: {off}; enable with: apt-get install {string.Join(' ', packages)}";
    }

    private static IReadOnlyList<string> DefaultDirectories()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NORMALIZE_HUNSPELL_DIR");
        return string.IsNullOrEmpty(fromEnv)
            ? ["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"]
            : [fromEnv];
    }
}
