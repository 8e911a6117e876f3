using System.Numerics;
using System.Runtime.CompilerServices;

namespace Normalize.Core.Language;

/// <summary>
/// The profiles' n-grams as one open-addressing hash table over packed gram keys (<see cref="LanguageProfiles.Key"/>)
/// whose slots point into one contiguous array of (language, gain) entries. Identification is a lookup per gram,
/// and a dictionary of row objects costs several cache misses per lookup; here a hit is one slot line and one
/// entry line. Read-only once built, so thread-safe.
/// </summary>
internal sealed class GramTable
{
    /// <summary>One table position: the gram's key (0 = empty; no gram packs to 0), its order (0-based) and its row in <see cref="_entries"/>.</summary>
    private struct Slot
    {
        public ulong Key;
        public int Start;
        public ushort Count;
        public ushort Order;
    }

    /// <summary>A language that kept the gram and the gram's log probability above that language's floor.</summary>
    internal readonly record struct Entry(int Language, float Gain);

    private readonly Slot[] _slots;
    private readonly Entry[] _entries;
    private readonly int _shift;

    private GramTable(List<(ulong Key, int Order, int Start, int Count)> rows, Entry[] entries)
    {
        // At most half full: a miss (most grams of a foreign text) ends after a probe or two.
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, rows.Count)) + 2);
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        _entries = entries;
        foreach (var (key, order, start, count) in rows)
        {
            var index = Home(key);
            while (_slots[index].Key != 0)
            {
                index = (index + 1) & (_slots.Length - 1);
            }

            _slots[index] = new Slot { Key = key, Start = start, Count = (ushort)count, Order = (ushort)order };
        }

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
            if (key == 0 || row.Length > ushort.MaxValue)
            {
                throw new ArgumentException("a gram row needs a non-empty key and fewer than 65536 languages", nameof(row));
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

    /// <summary>Adds the gram's gains to <paramref name="scores"/> and counts it under its order; false when no language kept it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(ulong key, Span<float> scores, Span<int> counts)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var index = Home(key);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Key == key)
            {
                counts[slot.Order]++;
                foreach (var entry in _entries.AsSpan(slot.Start, slot.Count))
                {
                    scores[entry.Language] += entry.Gain;
                }

                return true;
            }

            if (slot.Key == 0)
            {
                return false;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>The row of a gram (empty when no language kept it), for tests and explanations.</summary>
    public ReadOnlySpan<Entry> Row(ulong key)
    {
        var index = Home(key);
        while (_slots[index].Key != 0)
        {
            if (_slots[index].Key == key)
            {
                return _entries.AsSpan(_slots[index].Start, _slots[index].Count);
            }

            index = (index + 1) & (_slots.Length - 1);
        }

        return [];
    }

    // Fibonacci hashing: the packed key's low bits are the first character, which alone would cluster.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
