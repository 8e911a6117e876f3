using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Normalize.Core.Names;

namespace Normalize.Core.Search;

/// <summary>
/// Lucene's classic query syntax over the fields users know (title text source lang date author),
/// each text field expanded to the language fields the index has, analyzed by that language's
/// analyzer. A name in the query is widened to its canonical form and aliases from the names data
/// (unless exact). Errors come back as one sentence, never as an exception.
/// </summary>
public sealed partial class SearchQueryParser : QueryParser
{
    public static readonly IReadOnlyList<string> UserFields = ["title", "text", "source", "lang", "date", "author"];

    /// <summary>Title matches weigh more than body matches (BM25 scores add up over the fields).</summary>
    public const float TitleBoost = 3f;

    private const string AllFields = "\u0001all";

    /// <summary>The most words a name of the names data runs to ("El Pueblo de Nuestra Señora de los Ángeles de Porciúncula").</summary>
    private const int LongestName = 12;

    private readonly HashSet<string> _fields;
    private readonly NameAliasTable? _names;

    /// <param name="languageFields">The per-language fields the index holds (see <see cref="LanguageAnalysis"/>); none searches English.</param>
    /// <param name="names">Name aliases to widen names with; null searches names as written.</param>
    public SearchQueryParser(Analyzer analyzer, IReadOnlyList<string> languageFields, NameAliasTable? names)
        : base(LanguageAnalysis.Version, AllFields, analyzer)
    {
        _fields = languageFields.Count == 0 ? ["title_en", "text_en"] : [.. languageFields];
        _names = names;
        DefaultOperator = AND_OPERATOR;
        AutoGeneratePhraseQueries = true;
        AllowLeadingWildcard = false;
    }

    /// <summary>Parses <paramref name="text"/>; a query or a message for the user.</summary>
    public SearchQueryResult ParseQuery(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQueryResult(null, $"the query '{text}' has no words to search for");
        }

        Query? query;
        try
        {
            query = Parse(_names is null ? text : QuoteNames(text, _names));
        }
        catch (ParseException ex)
        {
            return new SearchQueryResult(null, Explain(text, ex.Message));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or BooleanQuery.TooManyClausesException
                                       || ex.GetType().Name == "TokenMgrError")
        {
            return new SearchQueryResult(null, Explain(text, ex.Message));
        }

        if (query is null || (query is BooleanQuery { Clauses.Count: 0 }))
        {
            return new SearchQueryResult(null, $"the query '{text}' has no words to search for");
        }

        if (query is BooleanQuery boolean && boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            return new SearchQueryResult(null, $"the query '{text}' only excludes words; add at least one word to find");
        }

        return new SearchQueryResult(query, null);
    }

    /// <summary>
    /// Quotes runs of plain words that together are a name ("Sergej Schoigu" → "\"Sergej Schoigu\""), so
    /// the name is looked up whole rather than word by word.
    /// </summary>
    internal static string QuoteNames(string query, NameAliasTable names)
    {
        var words = query.Split(' ');
        if (words.Length < 2 || query.Contains('"', StringComparison.Ordinal))
        {
            return query;
        }

        var output = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var taken = 0;
            for (var length = Math.Min(LongestName, words.Length - i); length >= 2 && taken == 0; length--)
            {
                var run = words.AsSpan(i, length);
                var plain = true;
                foreach (var word in run)
                {
                    plain &= word.Length > 0 && char.IsLetter(word[0]) && word is not ("AND" or "OR" or "NOT") && word.All(c => char.IsLetter(c) || c is '-' or '\'' or '.' or '\u2019');
                }

                if (plain && names.IsName(string.Join(' ', run.ToArray())))
                {
                    taken = length;
                }
            }

            if (taken > 0)
            {
                output.Add("\"" + string.Join(' ', words, i, taken) + "\"");
                i += taken - 1;
            }
            else
            {
                output.Add(words[i]);
            }
        }

        return string.Join(' ', output);
    }

    protected override Query? GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (IsConcrete(field))
        {
            return base.GetFieldQuery(field, queryText, quoted);
        }

        return Keyword(field, queryText) ?? Expand(field, queryText, f => base.GetFieldQuery(f, queryText, quoted),
            variant => concrete => base.GetFieldQuery(concrete, variant, true));
    }

    protected override Query? GetFieldQuery(string field, string queryText, int slop)
    {
        if (IsConcrete(field))
        {
            return base.GetFieldQuery(field, queryText, slop);
        }

        return Keyword(field, queryText) ?? Expand(field, queryText, f => base.GetFieldQuery(f, queryText, slop),
            variant => concrete => base.GetFieldQuery(concrete, variant, slop));
    }

    protected override Query? GetPrefixQuery(string field, string termStr) =>
        field switch
        {
            "date" => new PrefixQuery(new Term(SearchFields.Day, termStr)),
            "lang" => new PrefixQuery(new Term(SearchFields.Language, termStr.ToLowerInvariant())),
            "source" => Keyword(field, termStr.TrimEnd('*')),
            _ => Each(field, f => base.GetPrefixQuery(f, termStr)),
        };

    protected override Query? GetWildcardQuery(string field, string termStr) =>
        field is "date" or "lang" or "source" ? throw new ParseException($"wildcards other than a final * do not work on {field}:")
            : Each(field, f => base.GetWildcardQuery(f, termStr));

    protected override Query? GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        field is "date" or "lang" or "source" ? throw new ParseException($"~ (fuzzy) does not work on {field}:")
            : Each(field, f => base.GetFuzzyQuery(f, termStr, minSimilarity));

    protected override Query? GetRegexpQuery(string field, string termStr) =>
        field is "date" or "lang" or "source" ? throw new ParseException($"/regular expressions/ do not work on {field}:")
            : Each(field, f => base.GetRegexpQuery(f, termStr));

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (field == "date")
        {
            var lower = part1 == "*" ? null : part1;
            // "date:[2024-01 TO 2024-06]" takes in the whole of June.
            var upper = part2 == "*" ? null : endInclusive && part2.Length < 10 ? part2 + "\uffff" : part2;
            return TermRangeQuery.NewStringRange(SearchFields.Day, lower, upper, startInclusive, endInclusive);
        }

        if (field is "lang" or "source")
        {
            return TermRangeQuery.NewStringRange(field == "lang" ? SearchFields.Language : SearchFields.SourceMatch,
                part1 == "*" ? null : part1.ToLowerInvariant(), part2 == "*" ? null : part2.ToLowerInvariant(), startInclusive, endInclusive);
        }

        return Each(field, f => base.GetRangeQuery(f, part1, part2, startInclusive, endInclusive))
            ?? throw new ParseException("the range has nothing to search for");
    }

    private static bool IsConcrete(string field) => LanguageAnalysis.KeyOfField(field) is not null || field == SearchFields.Author;

    /// <summary>The queries of the non-text fields; null for the text fields.</summary>
    private static Query? Keyword(string field, string text)
    {
        switch (field)
        {
            case "date":
                return new TermQuery(new Term(SearchFields.Day, text));
            case "lang":
                var language = text.ToLowerInvariant();
                return new BooleanQuery
                {
                    { new TermQuery(new Term(SearchFields.Language, language)), Occur.SHOULD },
                    { new PrefixQuery(new Term(SearchFields.Language, language + "-")), Occur.SHOULD },
                };
            case "source":
                return SourceContains(text);
            case AllFields or "title" or "text" or "author":
                return null;
            default:
                throw new ParseException($"there is no field '{field}:' (fields: {string.Join(' ', UserFields)})");
        }
    }

    /// <summary>Articles whose source path, url or host contains <paramref name="text"/> (any case).</summary>
    public static Query SourceContains(string text)
    {
        var escaped = text.ToLowerInvariant().Replace("\\", "\\\\").Replace("*", "\\*").Replace("?", "\\?");
        return new WildcardQuery(new Term(SearchFields.SourceMatch, "*" + escaped + "*"));
    }

    /// <summary>
    /// The query for <paramref name="text"/> in every concrete field of <paramref name="field"/>;
    /// a name is also searched under its canonical form and aliases.
    /// </summary>
    private Query? Expand(string field, string text, Func<string, Query?> plain, Func<string, Func<string, Query?>> forVariant)
    {
        var query = Each(field, plain);
        if (_names is null || field == "author" || _names.VariantsOf(text) is not { } variants)
        {
            return query;
        }

        var alternatives = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (query is not null && seen.Add(query.ToString()))
        {
            alternatives.Add(query, Occur.SHOULD);
        }

        foreach (var variant in variants)
        {
            if (Each(field, forVariant(variant)) is { } expanded && seen.Add(expanded.ToString()))
            {
                alternatives.Add(expanded, Occur.SHOULD);
            }
        }

        return alternatives.Clauses.Count switch
        {
            0 => null,
            1 => alternatives.Clauses[0].Query,
            _ => alternatives,
        };
    }

    /// <summary>One query per concrete field of <paramref name="field"/>, OR-ed, title boosted.</summary>
    private Query? Each(string field, Func<string, Query?> make)
    {
        if (field == "author")
        {
            return make(SearchFields.Author);
        }

        var kinds = field switch
        {
            AllFields => LanguageAnalysis.TextFieldKinds,
            "title" => ["title"],
            "text" => ["text", "original"],
            _ => throw new ParseException($"there is no field '{field}:' (fields: {string.Join(' ', UserFields)})"),
        };
        var combined = new BooleanQuery();
        foreach (var kind in kinds)
        {
            foreach (var key in LanguageAnalysis.Keys)
            {
                var concrete = LanguageAnalysis.Field(kind, key);
                if (!_fields.Contains(concrete) || make(concrete) is not { } query)
                {
                    continue;
                }

                if (kind == "title" && field == AllFields)
                {
                    query.Boost *= TitleBoost;
                }

                combined.Add(query, Occur.SHOULD);
            }
        }

        return combined.Clauses.Count switch
        {
            0 => null,
            1 when combined.Clauses[0].Query.Boost == 1f => combined.Clauses[0].Query,
            _ => combined,
        };
    }

    /// <summary>Lucene's parse messages run to many lines of grammar: one sentence instead.</summary>
    private static string Explain(string query, string message)
    {
        var quotes = query.Count(c => c == '"') - Regex.Count(query, "\\\\\"");
        var depth = 0;
        var unmatchedClose = false;
        foreach (var c in query)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            unmatchedClose |= depth < 0;
        }

        var reason = quotes % 2 == 1 ? "a '\"' is never closed"
            : unmatchedClose ? "a ')' has no matching '('"
            : depth > 0 ? "a '(' is never closed"
            : TrailingOperator().Match(query) is { Success: true } trailing ? $"{trailing.Groups[1].Value} needs a word after it"
            : LeadingOperator().Match(query) is { Success: true } leading ? $"{leading.Groups[1].Value} needs a word before it"
            : message.Contains("no field", StringComparison.Ordinal) || message.Contains("does not work", StringComparison.Ordinal) || message.Contains("range has", StringComparison.Ordinal) ? message
            : message.Contains("not allowed as first character", StringComparison.Ordinal) ? "a word cannot start with * or ?"
            : message.Contains("maxClauseCount", StringComparison.OrdinalIgnoreCase) || message.Contains("TooManyClauses", StringComparison.Ordinal) ? "it matches too many different words; make the prefix or pattern longer"
            : Column().Match(message) is { Success: true } column ? $"Lucene's query syntax stops at column {column.Groups[1].Value}{Near(query, column.Groups[1].Value)} (escape special characters + - && || ! ( ) {{ }} [ ] ^ \" ~ * ? : \\ / with \\ or put the words in quotes)"
            : "Lucene's query syntax cannot read it (escape special characters with \\ or put the words in quotes)";
        return $"the query '{query}' cannot be read: {reason}";
    }

    private static string Near(string query, string column)
    {
        var position = int.Parse(column, System.Globalization.CultureInfo.InvariantCulture) - 1;
        return position >= 0 && position < query.Length ? $" (near '{query[position..Math.Min(query.Length, position + 10)]}')" : "";
    }

    [GeneratedRegex(@"(?:^|\s)(AND|OR|NOT|&&|\|\||!|\+|-)\s*$")]
    private static partial Regex TrailingOperator();

    [GeneratedRegex(@"^\s*(AND|OR|&&|\|\|)(?:\s|$)")]
    private static partial Regex LeadingOperator();

    [GeneratedRegex(@"column (\d+)")]
    private static partial Regex Column();
}

/// <summary>A parsed query, or the message that says why the text is not one.</summary>
public sealed record SearchQueryResult(Query? Query, string? Error);
