using System.Runtime.InteropServices;
using System.Text;

namespace Normalize.Core.Repair;

/// <summary>
/// One Hunspell dictionary through the C API of Debian's libhunspell-1.7-0 (P/Invoke). Answers are
/// cached (lock-free reads, so parallel cleaning shares one cache); a Hunspell handle is not
/// thread-safe, so the native calls are serialised per dictionary.
/// </summary>
public sealed class Hunspell : IDisposable
{
    internal const string Library = "libhunspell-1.7.so.0";

    /// <summary>
    /// Answers cached per dictionary before the cache starts over: a batch's vocabulary keeps growing
    /// (names, typos, numbers), and an unbounded cache made memory grow with every article.
    /// </summary>
    internal const int MaxCachedWords = 200_000;

    private readonly object _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _spellCache = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> _suggestCache = new(StringComparer.Ordinal);
    private IntPtr _handle;

    private Hunspell(IntPtr handle, string name)
    {
        _handle = handle;
        Name = name;
    }

    /// <summary>The dictionary's name, e.g. "en_US".</summary>
    public string Name { get; }

    /// <summary>Opens <c>DIR/NAME.aff</c> and <c>DIR/NAME.dic</c>; null when the files or the library are missing.</summary>
    public static Hunspell? TryOpen(string directory, string name)
    {
        var aff = Path.Combine(directory, name + ".aff");
        var dic = Path.Combine(directory, name + ".dic");
        if (!File.Exists(aff) || !File.Exists(dic))
        {
            return null;
        }

        try
        {
            var handle = NativeMethods.Hunspell_create(aff, dic);
            return handle == IntPtr.Zero ? null : new Hunspell(handle, name);
        }
        catch (DllNotFoundException)
        {
            return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether the library itself can be loaded.</summary>
    public static bool LibraryAvailable()
    {
        if (!NativeLibrary.TryLoad(Library, typeof(Hunspell).Assembly, null, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>Longer words are not looked up: none is in a dictionary, and Hunspell's cost grows with length.</summary>
    public const int MaximumWordLength = 100;

    /// <summary>Whether <paramref name="word"/> is a word of this dictionary (Hunspell's own casing rules apply).</summary>
    public bool Spell(string word)
    {
        if (word.Length == 0 || word.Length > MaximumWordLength)
        {
            return false;
        }

        if (_spellCache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
            var known = NativeMethods.Hunspell_spell(_handle, Encode(word)) != 0;
            Remember(_spellCache, word, known);
            return known;
        }
    }

    /// <summary>Hunspell's suggestions for <paramref name="word"/>, best first.</summary>
    public IReadOnlyList<string> Suggest(string word)
    {
        if (word.Length == 0 || word.Length > MaximumWordLength)
        {
            return [];
        }

        if (_suggestCache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
            var count = NativeMethods.Hunspell_suggest(_handle, out var list, Encode(word));
            var result = new List<string>(Math.Max(0, count));
            if (count > 0 && list != IntPtr.Zero)
            {
                for (var i = 0; i < count; i++)
                {
                    var item = Marshal.ReadIntPtr(list, i * IntPtr.Size);
                    result.Add(Marshal.PtrToStringUTF8(item) ?? string.Empty);
                }

                NativeMethods.Hunspell_free_list(_handle, ref list, count);
            }

            Remember(_suggestCache, word, result);
            return result;
        }
    }

    /// <summary>Caches an answer (under the gate), starting the cache over when it is full.</summary>
    private static void Remember<T>(System.Collections.Concurrent.ConcurrentDictionary<string, T> cache, string word, T answer)
    {
        if (cache.Count >= MaxCachedWords)
        {
            cache.Clear();
        }

        cache[word] = answer;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_handle != IntPtr.Zero)
            {
                NativeMethods.Hunspell_destroy(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }

    /// <summary>The dictionaries Debian ships are UTF-8 (SET UTF-8); words go in as NUL-terminated UTF-8.</summary>
    private static byte[] Encode(string word)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(word) + 1];
        Encoding.UTF8.GetBytes(word, 0, word.Length, bytes, 0);
        return bytes;
    }

    /// <summary>Classic DllImport: blittable arguments only, so no unsafe code is needed.</summary>
    private static class NativeMethods
    {
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr Hunspell_create(
            [MarshalAs(UnmanagedType.LPUTF8Str)] string affpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string dpath);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void Hunspell_destroy(IntPtr handle);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int Hunspell_spell(IntPtr handle, byte[] word);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int Hunspell_suggest(IntPtr handle, out IntPtr list, byte[] word);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void Hunspell_free_list(IntPtr handle, ref IntPtr list, int count);
    }
}
