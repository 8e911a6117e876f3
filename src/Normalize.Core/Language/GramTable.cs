using System.Numerics;
using System.Runtime.CompilerServices;

namespace Normalize.Core.Language;

/// <summary>
/// The profiles' n-grams as one open-addressing hash table over packed gram keys (<see cref="LanguageProfiles.Key"/>).
/// A slot holds the gram's first <see cref="InlineEntries"/> (language, gain) entries itself (most 3- and 4-grams
/// are kept by one to three languages) and points into one overflow array for the rest. Identification runs
/// between stages that push these data out of the caches, so a lookup is one cache line, and a text's grams are
/// looked up in two passes: the first only touches their slots, so the memory fetches overlap instead of
/// waiting one after the other. Read-only once built, so thread-safe.
/// </summary>
internal sealed class GramTable
{
    private const int InlineEntries = 3;

    [InlineArray(InlineEntries)]
    private struct InlineGains
    {
        private float _first;
    }

    [InlineArray(InlineEntries)]
    private struct InlineLanguages
    {
        private byte _first;
    }

    /// <summary>One table position (32 bytes): the gram's key (0 = empty; no gram packs to 0), its first entries, where the rest are, its order (0-based) and entry count.</summary>
    private struct Slot
    {
        public ulong Key;
        public InlineGains Gains;
        public int Overflow;
        public InlineLanguages Languages;
        public byte Order;
        public byte Count;
    }

    /// <summary>A language that kept the gram and the gram's log probability above that language's floor.</summary>
    internal readonly record struct Entry(int Language, float Gain);

    private readonly Slot[] _slots;
    private readonly Entry[] _overflow;
    private readonly int _shift;

    private GramTable(List<(ulong Key, int Order, int Start, int Count)> rows, Entry[] entries)
    {
        // At most about 60% full: a miss (most grams of a foreign text) ends after a probe or two, mostly in the same line.
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, rows.Count)) + 1);
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        var overflow = new List<Entry>();
        foreach (var (key, order, start, count) in rows)
        {
            var index = Home(key);
            while (_slots[index].Key != 0)
            {
                index = (index + 1) & (_slots.Length - 1);
            }

            ref var slot = ref _slots[index];
            slot.Key = key;
            slot.Order = (byte)order;
            slot.Count = (byte)count;
            slot.Overflow = overflow.Count;
            for (var i = 0; i < count; i++)
            {
                var entry = entries[start + i];
                if (i < InlineEntries)
                {
                    slot.Languages[i] = (byte)entry.Language;
                    slot.Gains[i] = entry.Gain;
                }
                else
                {
                    overflow.Add(entry);
                }
            }
        }

        _overflow = overflow.ToArray();
        Count = rows.Count;
        MaxGain = entries.Length == 0 ? 0 : entries.Max(e => e.Gain);
    }

    /// <summary>Collects the rows (each gram once), then lays out the table.</summary>
    internal sealed class Builder(int capacity)
    {
        private readonly List<(ulong Key, int Order, int Start, int Count)> _rows = new(capacity);
        private readonly HashSet<ulong> _keys = new(capacity);
        private readonly List<Entry> _entries = new(capacity * 3);

        /// <summary>False when the gram was added already.</summary>
        public bool Add(ulong key, int order, ReadOnlySpan<Entry> row)
        {
            if (key == 0 || row.Length > byte.MaxValue || order is < 0 or > byte.MaxValue)
            {
                throw new ArgumentException("a gram row needs a non-empty key and fewer than 256 languages", nameof(row));
            }

            foreach (var entry in row)
            {
                if (entry.Language is < 0 or > byte.MaxValue)
                {
                    throw new ArgumentException("the table holds at most 256 languages", nameof(row));
                }
            }

            if (!_keys.Add(key))
            {
                return false;
            }

            _rows.Add((key, order, _entries.Count, row.Length));
            _entries.AddRange(row);
            return true;
        }

        public GramTable Build() => new(_rows, _entries.ToArray());
    }

    public int Count { get; }

    /// <summary>The largest gain of any gram for any language.</summary>
    public float MaxGain { get; }

    /// <summary>
    /// Adds the gains of every gram of <paramref name="keys"/> to <paramref name="scores"/>, in order, and counts the
    /// grams some language kept under their order (0-based) in <paramref name="counts"/>.
    /// </summary>
    public void AddAll(ReadOnlySpan<ulong> keys, Span<float> scores, Span<int> counts)
    {
        const int Chunk = 256;
        Span<bool> emptyHome = stackalloc bool[Chunk];
        for (var chunkStart = 0; chunkStart < keys.Length; chunkStart += Chunk)
        {
            var chunk = keys.Slice(chunkStart, Math.Min(Chunk, keys.Length - chunkStart));

            // Pass 1: independent loads of every home slot, which the processor keeps many of in flight at once
            // (a lookup that waits for its own fetch each time would pay the full memory latency per gram).
            for (var i = 0; i < chunk.Length; i++)
            {
                emptyHome[i] = _slots[Home(chunk[i])].Key == 0;
            }

            // Pass 2: the lookups proper, from the cache now; a gram whose home slot is empty is in no profile.
            for (var i = 0; i < chunk.Length; i++)
            {
                if (!emptyHome[i])
                {
                    Add(chunk[i], scores, counts);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(ulong key, Span<float> scores, Span<int> counts)
    {
        var slots = _slots;
        var index = Home(key);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Key == key)
            {
                counts[slot.Order]++;
                var count = slot.Count;
                var inline = Math.Min((int)count, InlineEntries);
                for (var i = 0; i < inline; i++)
                {
                    scores[slot.Languages[i]] += slot.Gains[i];
                }

                foreach (var entry in _overflow.AsSpan(slot.Overflow, count - inline))
                {
                    scores[entry.Language] += entry.Gain;
                }

                return;
            }

            if (slot.Key == 0)
            {
                return;
            }

            index = (index + 1) & (slots.Length - 1);
        }
    }

    // Fibonacci hashing: the packed key's low bits are the first character, which alone would cluster.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
