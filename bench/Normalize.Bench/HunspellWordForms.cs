using System.Text;

namespace Normalize.Bench;

/// <summary>
/// The word forms of a Hunspell dictionary: each stem of the .dic plus the stem with each single prefix
/// or suffix its flags allow (conditions and strip strings as in the .aff; no twofold affixes, no
/// compounds). Enough to see how a language spells, which is all the language profiles need.
/// </summary>
public sealed class HunspellWordForms
{
    private readonly Dictionary<string, List<Affix>> _affixes = new(StringComparer.Ordinal);
    private readonly List<string[]> _aliases = [];
    private readonly string _flagMode = "char";
    private readonly HashSet<string> _notWords = new(StringComparer.Ordinal);
    private readonly string _dicPath;
    private readonly Encoding _encoding;

    private sealed record Affix(bool Prefix, string Strip, string Add, Condition Condition);

    private HunspellWordForms(string affPath, string dicPath)
    {
        _dicPath = dicPath;
        _encoding = DetectEncoding(affPath);
        var lines = File.ReadAllLines(affPath, _encoding);
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = Fields(lines[i]);
            if (fields.Length < 2)
            {
                continue;
            }

            switch (fields[0])
            {
                case "FLAG":
                    _flagMode = fields[1];
                    break;
                case "AF" when _aliases.Count == 0 && int.TryParse(fields[1], out var count):
                    for (var k = 1; k <= count && i + k < lines.Length; k++)
                    {
                        var alias = Fields(lines[i + k]);
                        _aliases.Add(alias.Length > 1 ? ParseFlags(alias[1]) : []);
                    }

                    i += count;
                    break;
                case "NEEDAFFIX" or "ONLYINCOMPOUND" or "FORBIDDENWORD" or "PSEUDOROOT" or "NOSUGGEST" when fields.Length >= 2:
                    if (fields[0] != "NOSUGGEST")
                    {
                        _notWords.Add(fields[1]);
                    }

                    break;
                case "PFX" or "SFX" when fields.Length >= 4 && int.TryParse(fields[3], out var entries):
                    var flag = fields[1];
                    if (!_affixes.TryGetValue(flag, out var list))
                    {
                        _affixes[flag] = list = [];
                    }

                    for (var k = 1; k <= entries && i + k < lines.Length; k++)
                    {
                        var entry = Fields(lines[i + k]);
                        if (entry.Length < 4 || entry[0] != fields[0])
                        {
                            continue;
                        }

                        var add = entry[3].Split('/')[0];
                        list.Add(new Affix(fields[0] == "PFX", entry[2] == "0" ? "" : entry[2], add == "0" ? "" : add,
                            Condition.Parse(entry.Length > 4 ? entry[4] : ".")));
                    }

                    i += entries;
                    break;
            }
        }
    }

    public static HunspellWordForms Open(string directory, string name) =>
        new(Path.Combine(directory, name + ".aff"), Path.Combine(directory, name + ".dic"));

    /// <summary>
    /// Every <paramref name="stride"/>-th stem (deterministic sample), each with at most
    /// <paramref name="maxFormsPerStem"/> of its forms (evenly spaced) and the number of forms it has.
    /// </summary>
    public IEnumerable<(IReadOnlyList<string> Forms, int FormCount)> Stems(int maxStems, int maxFormsPerStem)
    {
        var lines = File.ReadAllLines(_dicPath, _encoding);
        var stride = Math.Max(1, (lines.Length - 1 + maxStems - 1) / maxStems);
        for (var i = 1; i < lines.Length; i += stride)
        {
            var entry = Fields(lines[i].Replace("\\/", "\u0001"));
            if (entry.Length == 0)
            {
                continue;
            }

            var slash = entry[0].IndexOf('/');
            var word = (slash < 0 ? entry[0] : entry[0][..slash]).Replace('\u0001', '/');
            var flags = slash < 0 ? [] : ParseFlagsOrAlias(entry[0][(slash + 1)..]);
            if (word.Length == 0 || word.Any(char.IsDigit))
            {
                continue;
            }

            var forms = new List<string>();
            if (!flags.Any(_notWords.Contains))
            {
                forms.Add(word);
            }

            foreach (var flag in flags)
            {
                if (!_affixes.TryGetValue(flag, out var affixes))
                {
                    continue;
                }

                foreach (var affix in affixes)
                {
                    if (affix.Prefix)
                    {
                        if (word.StartsWith(affix.Strip, StringComparison.Ordinal) && affix.Condition.MatchesStart(word))
                        {
                            forms.Add(affix.Add + word[affix.Strip.Length..]);
                        }
                    }
                    else if (word.EndsWith(affix.Strip, StringComparison.Ordinal) && affix.Condition.MatchesEnd(word))
                    {
                        forms.Add(word[..^affix.Strip.Length] + affix.Add);
                    }
                }
            }

            if (forms.Count == 0)
            {
                continue;
            }

            if (forms.Count <= maxFormsPerStem)
            {
                yield return (forms, forms.Count);
            }
            else
            {
                var step = (double)forms.Count / maxFormsPerStem;
                yield return (Enumerable.Range(0, maxFormsPerStem).Select(k => forms[(int)(k * step)]).ToList(), forms.Count);
            }
        }
    }

    private string[] ParseFlagsOrAlias(string text)
    {
        if (_aliases.Count > 0 && int.TryParse(text, out var alias))
        {
            return alias >= 1 && alias <= _aliases.Count ? _aliases[alias - 1] : [];
        }

        return ParseFlags(text);
    }

    private string[] ParseFlags(string text) => _flagMode switch
    {
        "long" => Enumerable.Range(0, text.Length / 2).Select(k => text.Substring(2 * k, 2)).ToArray(),
        "num" => text.Split(',', StringSplitOptions.RemoveEmptyEntries),
        _ => text.Select(c => c.ToString()).ToArray(),
    };

    private static string[] Fields(string line)
    {
        var hash = line.IndexOf('#');
        if (hash == 0)
        {
            return [];
        }

        return line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }

    private static Encoding DetectEncoding(string affPath)
    {
        foreach (var line in File.ReadLines(affPath, Encoding.Latin1))
        {
            if (line.StartsWith("SET ", StringComparison.Ordinal))
            {
                var name = line[4..].Trim().ToUpperInvariant();
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return name switch
                {
                    "UTF-8" => new UTF8Encoding(false),
                    "MICROSOFT-CP1251" or "CP1251" => Encoding.GetEncoding(1251),
                    "KOI8-R" => Encoding.GetEncoding("koi8-r"),
                    "KOI8-U" => Encoding.GetEncoding("koi8-u"),
                    _ when name.StartsWith("ISO8859-", StringComparison.Ordinal) => Encoding.GetEncoding("iso-8859-" + name[8..]),
                    _ => Encoding.GetEncoding(name),
                };
            }
        }

        return new UTF8Encoding(false); // no SET line: the dictionaries without one (Arabic) are UTF-8
    }

    /// <summary>A Hunspell affix condition: a sequence of '.', a letter, [set] or [^set].</summary>
    private sealed class Condition
    {
        private readonly List<(string Chars, bool Negated, bool Any)> _parts = [];

        public static Condition Parse(string text)
        {
            var condition = new Condition();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '.')
                {
                    condition._parts.Add(("", false, true));
                }
                else if (text[i] == '[')
                {
                    var close = text.IndexOf(']', i);
                    if (close < 0)
                    {
                        close = text.Length;
                    }

                    var negated = i + 1 < text.Length && text[i + 1] == '^';
                    var start = i + (negated ? 2 : 1);
                    condition._parts.Add((text[start..Math.Max(start, close)], negated, false));
                    i = close;
                }
                else
                {
                    condition._parts.Add((text[i].ToString(), false, false));
                }
            }

            return condition;
        }

        public bool MatchesEnd(string word) => Matches(word, word.Length - _parts.Count);

        public bool MatchesStart(string word) => Matches(word, 0);

        private bool Matches(string word, int offset)
        {
            if (offset < 0 || offset + _parts.Count > word.Length)
            {
                return false;
            }

            for (var k = 0; k < _parts.Count; k++)
            {
                var (chars, negated, any) = _parts[k];
                if (!any && chars.Contains(word[offset + k]) == negated)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
