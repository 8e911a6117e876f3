using System.Globalization;
using System.Text;

namespace Normalize.Core.Names;

/// <summary>How the names stage may use an alias found in running text.</summary>
public enum AliasUse
{
    /// <summary>A spelling variant of the same name: rewritten to the canonical (or short) form.</summary>
    Rewrite,

    /// <summary>Recognised and linked, left as written (acronyms, metonyms, the canonical itself).</summary>
    Link,

    /// <summary>Only for lookups (<see cref="NameIndex.Resolve"/>): historic or foreign names too loose to match in text.</summary>
    ResolveOnly,
}

public sealed record NameAlias(string Text, NameEntity Entity, AliasUse Use, string Replacement);

/// <summary>
/// All aliases of the alias files, merged by entity, with romanised forms of Cyrillic names.
/// Finds names in text (longest match, case-sensitive, at word boundaries) and resolves a single name.
/// </summary>
public sealed class NameIndex
{
    private static readonly Lazy<NameIndex> DefaultInstance = new(() => new NameIndex(NameRules.Load()));

    private readonly Dictionary<string, NameAlias> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameAlias> _folded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NameAlias>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NameAlias>>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;
    private readonly HashSet<int> _firstWordKeys = [];

    /// <summary>Length and first two characters: a cheap filter before the dictionary lookup.</summary>
    private static int WordKey(ReadOnlySpan<char> word) =>
        (Math.Min(word.Length, 255) << 16) ^ (word[0] << 4) ^ (word.Length > 1 ? word[1] * 31 : 0);
    private readonly List<string> _fixedExpressions = [];

    public NameIndex(IEnumerable<NameFile> files)
    {
        var entities = new List<NameEntity>();
        var bySameAs = new Dictionary<string, NameEntity>(StringComparer.Ordinal);
        var byCanonical = new Dictionary<string, NameEntity>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _fixedExpressions.AddRange(file.FixedExpressions);
            foreach (var entity in file.Entities)
            {
                // A GeoNames-derived place that a hand-written entry already describes adds its aliases to it.
                var key = $"{entity.Country}|{entity.Canonical}";
                if (bySameAs.TryGetValue(entity.Id, out var known) || (entity.Source == "geonames" && byCanonical.TryGetValue(key, out known)))
                {
                    foreach (var variant in entity.Variants)
                    {
                        known.Variants.Add(new NameVariant { Text = variant.Text, Lang = variant.Lang, Kind = entity.Source == "geonames" ? "geonames" : variant.Kind });
                    }

                    if (!known.SameAs.Contains(entity.Id))
                    {
                        known.SameAs.Add(entity.Id);
                    }

                    continue;
                }

                entities.Add(entity);
                foreach (var id in entity.SameAs)
                {
                    bySameAs[id] = entity;
                }

                byCanonical.TryAdd(key, entity);
            }
        }

        Entities = entities;
        foreach (var entity in entities)
        {
            AddEntity(entity);
        }

        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        }

        _firstWordLookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in _byFirstWord.Keys)
        {
            _firstWordKeys.Add(WordKey(key));
        }
    }

    public static NameIndex Default => DefaultInstance.Value;

    /// <summary>The embedded index, or one with the user's alias files added.</summary>
    public static NameIndex For(Rules.RuleFiles rules) =>
        rules.UserDirectory is null ? Default : new NameIndex(NameRules.Load(rules));

    public IReadOnlyList<NameEntity> Entities { get; }

    public IReadOnlyList<string> FixedExpressions => _fixedExpressions;

    /// <summary>Every spelling <see cref="Resolve"/> finds as written, with its alias.</summary>
    internal IReadOnlyDictionary<string, NameAlias> ExactAliases => _exact;

    /// <summary>Every folded spelling (<see cref="Fold"/>) <see cref="Resolve"/> falls back to, with its alias.</summary>
    internal IReadOnlyDictionary<string, NameAlias> FoldedAliases => _folded;

    /// <summary>The entity a single name refers to: exact spelling, then ignoring case and accents.</summary>
    public NameAlias? Resolve(string name)
    {
        var trimmed = name.Trim();
        if (_exact.TryGetValue(trimmed, out var alias))
        {
            return alias;
        }

        return _folded.TryGetValue(Fold(trimmed), out alias) ? alias : null;
    }

    /// <summary>The longest alias usable in text (rewrite or link) that starts at <paramref name="position"/>.</summary>
    public NameAlias? MatchAt(string text, int position)
    {
        var wordEnd = position;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        // Aliases in text start with a capital (or a non-Latin letter): most words are skipped here.
        if (wordEnd == position || (char.IsLower(text[position]) && text[position] < 0x0400)
            || !_firstWordKeys.Contains(WordKey(text.AsSpan(position, wordEnd - position)))
            || !_firstWordLookup.TryGetValue(text.AsSpan(position, wordEnd - position), out var candidates))
        {
            return null;
        }

        foreach (var alias in candidates)
        {
            var end = position + alias.Text.Length;
            if (end <= text.Length && string.CompareOrdinal(text, position, alias.Text, 0, alias.Text.Length) == 0
                && (end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(alias.Text[^1])))
            {
                return alias;
            }
        }

        return null;
    }

    private void AddEntity(NameEntity entity)
    {
        Add(entity.Canonical, entity, AliasUse.Link, entity.Canonical, trusted: true);
        if (entity.Short is { } shortForm)
        {
            Add(shortForm, entity, AliasUse.Link, shortForm, trusted: true);
        }

        foreach (var variant in entity.Variants)
        {
            var isShort = variant.Kind == "short";
            var replacement = isShort ? entity.Short ?? entity.Canonical : entity.Canonical;
            if (variant.Kind == "geonames" || entity.Source == "geonames")
            {
                // GeoNames aliases are unchecked: only near-spellings of the canonical (and Cyrillic forms)
                // are matched in text; historic and foreign names serve lookups only.
                var use = Romanizer.IsCyrillic(variant.Text) || IsNearSpelling(variant.Text, entity.Canonical) ? AliasUse.Rewrite : AliasUse.ResolveOnly;
                Add(variant.Text, entity, use, replacement, trusted: false);
            }
            else
            {
                Add(variant.Text, entity, HandWrittenUse(variant), replacement, trusted: true);
            }

            var fromGeoNames = variant.Kind == "geonames" || entity.Source == "geonames";
            foreach (var romanised in Romanizer.Variants(variant.Text, variant.Lang))
            {
                var use = variant.Kind is "link" or "lookup" ? HandWrittenUse(variant)
                    : !fromGeoNames || IsNearSpelling(romanised, entity.Canonical) ? AliasUse.Rewrite
                    : AliasUse.ResolveOnly;
                Add(romanised, entity, use, replacement, trusted: !fromGeoNames);
            }
        }
    }

    /// <summary>A hand-written variant's kind: a full or short form (rewritten), "link" or "lookup".</summary>
    private static AliasUse HandWrittenUse(NameVariant variant) => variant.Kind switch
    {
        null or "short" => AliasUse.Rewrite,
        "link" => AliasUse.Link,
        "lookup" => AliasUse.ResolveOnly,
        _ => throw new Rules.RuleFileException($"names: unknown variant kind '{variant.Kind}' for '{variant.Text}' (use short, link or lookup)"),
    };

    private void Add(string text, NameEntity entity, AliasUse use, string replacement, bool trusted)
    {
        if (text.Length < 2)
        {
            return;
        }

        var alias = new NameAlias(text, entity, use, replacement);
        if (_exact.TryGetValue(text, out var existing))
        {
            // A name shared by two entities stays with the first (hand-written files load first);
            // for one entity the safest use wins: link over rewrite over lookup-only.
            if (existing.Entity != entity || Strength(existing.Use) >= Strength(use))
            {
                return;
            }
        }

        _exact[text] = alias;
        _folded.TryAdd(Fold(text), alias);
        if (use == AliasUse.ResolveOnly || !IsTextAlias(text, trusted))
        {
            return;
        }

        var firstWordEnd = 0;
        while (firstWordEnd < text.Length && char.IsLetter(text[firstWordEnd]))
        {
            firstWordEnd++;
        }

        if (firstWordEnd == 0)
        {
            return;
        }

        var key = text[..firstWordEnd];
        if (!_byFirstWord.TryGetValue(key, out var list))
        {
            _byFirstWord[key] = list = [];
        }

        list.RemoveAll(a => a.Text == text);
        list.Add(alias);
    }

    /// <summary>Names we look for in running text: capitalised (or a non-Latin script), not an airport code.</summary>
    private static bool IsTextAlias(string text, bool trusted)
    {
        if (!char.IsUpper(text[0]) && !Romanizer.IsCyrillic(text) && text[0] < 0x1100)
        {
            return false;
        }

        var letters = text.Where(char.IsLetter).ToList();
        var allCaps = letters.Count > 1 && letters.All(char.IsUpper);
        return trusted || !allCaps;
    }

    private static int Strength(AliasUse use) => use switch { AliasUse.Link => 2, AliasUse.Rewrite => 1, _ => 0 };

    /// <summary>A spelling of the same name: same first letter and few edits apart (Kiev/Kyiv, Zaporozhye/Zaporizhzhia).</summary>
    internal static bool IsNearSpelling(string variant, string canonical)
    {
        var a = Fold(variant).Replace("'", "").Replace("’", "");
        var b = Fold(canonical);
        if (a.Length == 0 || b.Length == 0 || a[0] != b[0] || variant.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return false;
        }

        return Levenshtein(a, b) <= Math.Max(1, (int)Math.Round(Math.Max(a.Length, b.Length) * 0.4));
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Lower case without accents: "Kijów" and "kijow" fold alike.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
