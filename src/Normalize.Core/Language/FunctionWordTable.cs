using System.Numerics;
using System.Runtime.CompilerServices;

namespace Normalize.Core.Language;

/// <summary>
/// The function words as one small open-addressing table: slots of (hash, word, languages) pointing into one
/// pool of characters and one pool of language indexes. Every word of every text is looked up, between stages
/// that push these data out of the caches: a dictionary of strings and arrays costs a miss per object, this costs
/// about one per word. Read-only once built, so thread-safe.
/// </summary>
internal sealed class FunctionWordTable
{
    private struct Slot
    {
        public uint Hash;
        public int WordStart;
        public int ListStart;
        public ushort WordLength;
        public ushort ListCount;
    }

    private readonly Slot[] _slots;
    private readonly char[] _characters;
    private readonly int[] _languages;
    private readonly int _shift;

    public FunctionWordTable(IReadOnlyDictionary<string, int[]> words)
    {
        // At most a quarter full: most words of prose are not listed, and a miss should end at once.
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, words.Count)) + 3);
        _slots = new Slot[1 << bits];
        _shift = 32 - bits;
        _characters = new char[words.Keys.Sum(w => w.Length)];
        _languages = new int[words.Values.Sum(l => l.Length)];
        var nextCharacter = 0;
        var nextLanguage = 0;
        foreach (var (word, languages) in words.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (word.Length is 0 or > ushort.MaxValue || languages.Length is 0 or > ushort.MaxValue)
            {
                throw new ArgumentException($"function word '{word}' is empty, too long or listed by no language", nameof(words));
            }

            var hash = Hash(word);
            var index = (int)(hash >> _shift);
            while (_slots[index].WordLength != 0)
            {
                index = (index + 1) & (_slots.Length - 1);
            }

            word.CopyTo(_characters.AsSpan(nextCharacter));
            languages.CopyTo(_languages, nextLanguage);
            _slots[index] = new Slot
            {
                Hash = hash, WordStart = nextCharacter, WordLength = (ushort)word.Length,
                ListStart = nextLanguage, ListCount = (ushort)languages.Length,
            };
            nextCharacter += word.Length;
            nextLanguage += languages.Length;
        }
    }

    /// <summary>The languages that list <paramref name="word"/> (empty when none does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Languages(ReadOnlySpan<char> word)
    {
        var hash = Hash(word);
        var slots = _slots;
        var index = (int)(hash >> _shift);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.WordLength == 0)
            {
                return [];
            }

            if (slot.Hash == hash && word.SequenceEqual(_characters.AsSpan(slot.WordStart, slot.WordLength)))
            {
                return _languages.AsSpan(slot.ListStart, slot.ListCount);
            }

            index = (index + 1) & (slots.Length - 1);
        }
    }

    // FNV-1a over the UTF-16 units, then a multiplicative mix so the top bits (the slot index) use every character.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash * 0x9E3779B1u;
    }
}
