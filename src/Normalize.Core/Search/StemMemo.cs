using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Normalize.Core.Search;

/// <summary>
/// Memoises a stemming filter whose output depends only on the word (KStem): a word seen before gets
/// the stem the filter gave it, marked as a keyword so the filter passes it through; a new word goes
/// through the filter and its stem is remembered. One memo per analysis chain, so per thread and field;
/// it is emptied when it grows past <see cref="MaxWords"/> (a bound on memory, not on correctness).
/// </summary>
internal static class StemMemo
{
    public const int MaxWords = 100_000;

    /// <summary><paramref name="stemmer"/> applied to <paramref name="input"/>, memoised.</summary>
    public static TokenStream Around(TokenStream input, Func<TokenStream, TokenFilter> stemmer)
    {
        var memo = new Memo();
        return new Remember(stemmer(new Recall(input, memo)), memo);
    }

    private sealed class Memo
    {
        public readonly Dictionary<string, string> Stems = new(StringComparer.Ordinal);

        /// <summary>The word now going through the stemmer unrecognised, or null.</summary>
        public string? Pending;

        public Memo()
        {
            Lookup = Stems.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }
    }

    /// <summary>Before the stemmer: replaces a known word by its stem and keeps the stemmer off it.</summary>
    private sealed class Recall : TokenFilter
    {
        private readonly Memo _memo;
        private readonly ICharTermAttribute _term;
        private readonly IKeywordAttribute _keyword;

        public Recall(TokenStream input, Memo memo) : base(input)
        {
            _memo = memo;
            _term = AddAttribute<ICharTermAttribute>();
            _keyword = AddAttribute<IKeywordAttribute>();
        }

        public override bool IncrementToken()
        {
            _memo.Pending = null;
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (_keyword.IsKeyword)
            {
                return true;
            }

            var word = _term.Buffer.AsSpan(0, _term.Length);
            if (_memo.Lookup.TryGetValue(word, out var stem))
            {
                if (!word.SequenceEqual(stem))
                {
                    _term.SetEmpty().Append(stem);
                }

                _keyword.IsKeyword = true;
            }
            else
            {
                _memo.Pending = word.ToString();
            }

            return true;
        }
    }

    /// <summary>After the stemmer: remembers the stem of a word it had not seen.</summary>
    private sealed class Remember : TokenFilter
    {
        private readonly Memo _memo;
        private readonly ICharTermAttribute _term;

        public Remember(TokenStream input, Memo memo) : base(input)
        {
            _memo = memo;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (_memo.Pending is { } word)
            {
                if (_memo.Stems.Count >= MaxWords)
                {
                    _memo.Stems.Clear();
                }

                var stem = _term.Buffer.AsSpan(0, _term.Length);
                _memo.Stems[word] = stem.SequenceEqual(word) ? word : stem.ToString();
                _memo.Pending = null;
            }

            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _memo.Pending = null;
        }
    }
}
