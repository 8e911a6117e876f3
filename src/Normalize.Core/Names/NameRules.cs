using Normalize.Core.Rules;

namespace Normalize.Core.Names;

/// <summary>One alias file under Rules/names/ (people, organisations, countries, places).</summary>
public sealed class NameFile
{
    public int Version { get; set; }

    /// <summary>Phrases that contain a name but are names of something else ("chicken Kiev", "Kievan Rus").</summary>
    public List<string> FixedExpressions { get; set; } = [];

    public List<NameEntity> Entities { get; set; } = [];
}

public sealed class NameEntity
{
    public string Id { get; set; } = "";
    public string Canonical { get; set; } = "";

    /// <summary>The surname alone as news writes it ("Zelenskyy"); short variants are rewritten to it.</summary>
    public string? Short { get; set; }

    public string Type { get; set; } = "";
    public string? Country { get; set; }

    /// <summary>"geonames" for entries derived from GeoNames (variants are unchecked aliases).</summary>
    public string? Source { get; set; }

    /// <summary>Ids of the same entity in other data (GeoNames, ISO 3166).</summary>
    public List<string> SameAs { get; set; } = [];

    /// <summary>What the name stands for when used as a metonym ("the Kremlin", "Pyongyang").</summary>
    public string? MetonymOf { get; set; }

    public List<NameVariant> Variants { get; set; } = [];
}

public sealed class NameVariant
{
    public string Text { get; set; } = "";
    public string? Lang { get; set; }

    /// <summary>
    /// null = a full form rewritten to the canonical; "short" = rewritten to the short form; "link" =
    /// recognised in text, left as written; "lookup" = resolves in lookups only, never matched in text
    /// (names in languages the stage does not rewrite from, two-letter codes).
    /// </summary>
    public string? Kind { get; set; }
}

/// <summary>Loads every alias file of Rules/names/ (plus the user's files of the same names).</summary>
public static class NameRules
{
    public static readonly IReadOnlyList<string> Files =
        ["names/people.yaml", "names/organisations.yaml", "names/countries.yaml", "names/countries-lookup.yaml", "names/places-core.yaml", "names/places.yaml"];

    public static IReadOnlyList<NameFile> Load(RuleFiles? rules = null)
    {
        var files = rules ?? RuleFiles.Embedded;
        return Files.SelectMany(f => files.Load<NameFile>(f)).ToList();
    }
}
