using System.Text;

namespace Normalize.Bench.Fts5;

/// <summary>
/// Lucene-style query text to an FTS5 MATCH expression. User text never reaches FTS5 raw: every
/// term is re-quoted, operators are rebuilt from a parse tree, and bad input gives a message.
/// Syntax: terms (implicit AND), "phrases", AND / OR / NOT (also &amp;&amp; || !), -term, +term,
/// prefix*, field:value (title:, text:, source:), and parentheses.
/// </summary>
internal static class Fts5QueryParser
{
    public static readonly IReadOnlyList<string> Fields = ["title", "text", "source"];

    /// <summary>Parses <paramref name="query"/>; on failure returns null and a message for the user.</summary>
    public static Fts5ParseResult Parse(string query)
    {
        var tokens = Tokenize(query);
        var parser = new Parser(tokens);
        var node = parser.ParseToEnd();
        if (parser.Error is { } error)
        {
            return new Fts5ParseResult(null, error);
        }

        if (node is null)
        {
            return new Fts5ParseResult(null, $"the query '{query}' has no words to search for");
        }

        if (!HasPositive(node))
        {
            return new Fts5ParseResult(null, $"the query '{query}' only excludes words; add at least one word to find");
        }

        return new Fts5ParseResult(Render(node), null);
    }

    private static bool HasPositive(Node node) => node switch
    {
        Term => true,
        Not => false,
        And and => and.Children.Any(HasPositive),
        Or or => or.Children.All(HasPositive),
        _ => false,
    };

    private static string Render(Node node) => node switch
    {
        Term term => term.Render(),
        Or or => "(" + string.Join(" OR ", or.Children.Select(Render)) + ")",
        And and => RenderAnd(and),
        Not not => Render(not.Child),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>FTS5's NOT is binary: (positives) NOT a NOT b.</summary>
    private static string RenderAnd(And and)
    {
        var positives = and.Children.Where(c => c is not Not).Select(Render).ToList();
        var negatives = and.Children.OfType<Not>().Select(n => Render(n.Child)).ToList();
        var result = positives.Count == 1 ? positives[0] : "(" + string.Join(" AND ", positives) + ")";
        foreach (var negative in negatives)
        {
            result = $"({result} NOT {negative})";
        }

        return result;
    }

    private static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString()));
                i++;
                continue;
            }

            var prefix = TokenKind.Word;
            if ((c is '-' or '+' or '!') && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]))
            {
                prefix = c == '+' ? TokenKind.Must : TokenKind.MustNot;
                tokens.Add(new Token(prefix, c.ToString()));
                i++;
                continue;
            }

            // A field prefix ("title:") followed by a word or phrase.
            string? field = null;
            foreach (var name in Fields)
            {
                if (string.Compare(query, i, name + ":", 0, name.Length + 1, StringComparison.OrdinalIgnoreCase) == 0
                    && i + name.Length + 1 < query.Length && !char.IsWhiteSpace(query[i + name.Length + 1]))
                {
                    field = name;
                    i += name.Length + 1;
                    break;
                }
            }

            if (query[i] == '"')
            {
                var end = query.IndexOf('"', i + 1);
                var phrase = end < 0 ? query[(i + 1)..] : query[(i + 1)..end];
                i = end < 0 ? query.Length : end + 1;
                tokens.Add(new Token(TokenKind.Phrase, phrase, field));
                continue;
            }

            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not '(' and not ')' and not '"')
            {
                i++;
            }

            var word = query[start..i];
            var kind = field is null ? word switch
            {
                "AND" or "&&" => TokenKind.And,
                "OR" or "||" => TokenKind.Or,
                "NOT" => TokenKind.Not,
                _ => TokenKind.Word,
            } : TokenKind.Word;
            tokens.Add(new Token(kind, word, field));
        }

        return tokens;
    }

    private enum TokenKind
    {
        Word,
        Phrase,
        And,
        Or,
        Not,
        Must,
        MustNot,
        Open,
        Close,
    }

    private sealed record Token(TokenKind Kind, string Text, string? Field = null);

    private abstract record Node;

    private sealed record Term(string[] Words, bool Prefix, string? Field) : Node
    {
        public string Render()
        {
            var body = new StringBuilder("\"");
            body.Append(string.Join(' ', Words).Replace("\"", "\"\"", StringComparison.Ordinal));
            body.Append('"');
            if (Prefix)
            {
                body.Append('*');
            }

            return Field is null ? body.ToString() : $"{Field} : {body}";
        }
    }

    private sealed record And(List<Node> Children) : Node;

    private sealed record Or(List<Node> Children) : Node;

    private sealed record Not(Node Child) : Node;

    /// <summary>Recursive descent: or := and (OR and)*; and := unary+ (AND? unary)*; unary := (NOT|-|+)? primary.</summary>
    private sealed class Parser(List<Token> tokens)
    {
        private int _position;
        private int _depth;

        public string? Error { get; private set; }

        private Token? Peek => _position < tokens.Count ? tokens[_position] : null;

        public Node? ParseToEnd()
        {
            var node = ParseOr();
            if (Error is null && Peek?.Kind == TokenKind.Close)
            {
                Error = "a ')' has no matching '('";
            }

            return node;
        }

        public Node? ParseOr()
        {
            var children = new List<Node>();
            while (Error is null)
            {
                var and = ParseAnd();
                if (and is not null)
                {
                    children.Add(and);
                }

                if (Peek?.Kind != TokenKind.Or)
                {
                    break;
                }

                _position++;
                if (and is null || Peek is null || Peek.Kind is TokenKind.Or or TokenKind.And or TokenKind.Close)
                {
                    Error ??= "OR needs a word on each side";
                }
            }

            if (children.Count <= 1)
            {
                return children.Count == 0 ? null : children[0];
            }

            // As in Lucene, "-x" / NOT x excludes from the whole group, not just its neighbour:
            // "kim OR putin -aurus" is (kim OR putin) NOT aurus.
            var exclusions = new List<Node>();
            var alternatives = new List<Node>();
            foreach (var child in children)
            {
                if (child is And and)
                {
                    exclusions.AddRange(and.Children.OfType<Not>());
                    var positives = and.Children.Where(c => c is not Not).ToList();
                    alternatives.Add(positives.Count == 1 ? positives[0] : new And(positives));
                }
                else
                {
                    alternatives.Add(child);
                }
            }

            Node result = new Or(alternatives);
            return exclusions.Count == 0 ? result : new And([result, .. exclusions]);
        }

        private Node? ParseAnd()
        {
            var children = new List<Node>();
            while (Error is null && Peek is { } token && token.Kind is not TokenKind.Or and not TokenKind.Close)
            {
                if (token.Kind == TokenKind.And)
                {
                    _position++;
                    if (children.Count == 0 || Peek is null || Peek.Kind is TokenKind.Or or TokenKind.And or TokenKind.Close)
                    {
                        Error = "AND needs a word on each side";
                    }

                    continue;
                }

                var unary = ParseUnary();
                if (unary is not null)
                {
                    children.Add(unary);
                }
            }

            return children.Count switch
            {
                0 => null,
                1 when children[0] is not Not => children[0],
                _ => new And(children),
            };
        }

        private Node? ParseUnary()
        {
            var token = Peek!;
            if (token.Kind is TokenKind.Not or TokenKind.MustNot)
            {
                _position++;
                if (Peek is null || Peek.Kind is TokenKind.And or TokenKind.Or or TokenKind.Close or TokenKind.Not)
                {
                    Error = "NOT needs a word after it";
                    return null;
                }

                var operand = ParsePrimary();
                return operand is null ? null : new Not(operand);
            }

            if (token.Kind == TokenKind.Must)
            {
                _position++;
            }

            return Peek is null ? null : ParsePrimary();
        }

        private Node? ParsePrimary()
        {
            var token = tokens[_position++];
            switch (token.Kind)
            {
                case TokenKind.Open:
                    if (++_depth > 32)
                    {
                        Error = "the query nests parentheses too deeply";
                        return null;
                    }

                    var inner = ParseOr();
                    _depth--;
                    if (Peek?.Kind == TokenKind.Close)
                    {
                        _position++;
                    }
                    else
                    {
                        Error ??= "a '(' is never closed";
                    }

                    return inner;
                case TokenKind.Close:
                    Error = "a ')' has no matching '('";
                    return null;
                case TokenKind.Phrase:
                    return MakeTerm(token.Text, prefix: false, token.Field);
                default:
                    var text = token.Text;
                    var prefix = text.EndsWith('*') && text.TrimEnd('*').Length > 0;
                    return MakeTerm(text.TrimEnd('*'), prefix, token.Field);
            }
        }

        /// <summary>Splits into the tokenizer's words; pure punctuation ("++") is no term at all.</summary>
        private static Term? MakeTerm(string text, bool prefix, string? field)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    current.Append(c);
                }
                else if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString());
            }

            return words.Count == 0 ? null : new Term([.. words], prefix, field);
        }
    }
}

internal sealed record Fts5ParseResult(string? FtsQuery, string? Error);
