using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Normalize.Bench.Search;

/// <summary>
/// A deterministic archive of news-like articles for the search bench: sentences of the bench data
/// (NTREX English and Spanish news, CC BY-SA) shuffled into ~2 KB articles, with rare words drawn
/// from a Zipf distribution over a million made-up words, so the vocabulary keeps growing with the
/// archive as a real one does (Heaps' law) instead of stopping at the sentences' few thousand words.
/// </summary>
public sealed class ArticleGenerator
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "sha", "dre", "pol", "gan", "tir", "bes", "ul", "or", "an", "ek", "yu", "ph"];

    private static readonly string[] Sections = ["world", "europe", "asia", "politics", "business", "security", "science"];

    private readonly string[] _english;
    private readonly string[] _spanish;
    private readonly double[] _zipfCdf;
    private readonly string[] _hosts;
    private readonly double[] _hostCdf;
    private readonly string[] _authors;

    public ArticleGenerator(string[] english, string[] spanish, int rareVocabulary = 1_000_000, double zipfExponent = 1.05)
    {
        _english = english;
        _spanish = spanish;
        _zipfCdf = ZipfCdf(rareVocabulary, zipfExponent);
        _hosts = Enumerable.Range(0, 60).Select(i => $"{Word(i * 7 + 3)}-news.example.{(i % 3 == 0 ? "org" : i % 3 == 1 ? "com" : "net")}").ToArray();
        _hostCdf = ZipfCdf(_hosts.Length, 1.0);
        _authors = Enumerable.Range(0, 400).Select(i => Capital(Word(i * 13 + 5)) + " " + Capital(Word(i * 31 + 11))).ToArray();
    }

    /// <summary>The made-up word of Zipf rank <paramref name="rank"/> (rank 0 is the commonest).</summary>
    public static string Word(int rank)
    {
        var builder = new StringBuilder();
        var n = rank + Syllables.Length;
        while (n > 0)
        {
            builder.Append(Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        }

        return builder.ToString();
    }

    /// <summary>Corpus records (JSON lines in the corpus schema) of articles 0..count-1; the same every run.</summary>
    public IEnumerable<string> Generate(int count, int seed = 20240601)
    {
        var random = new Random(seed);
        var start = new DateOnly(2020, 1, 1);
        var text = new StringBuilder(2600);
        var buffer = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            var spanish = random.NextDouble() < 0.08;
            var sentences = spanish ? _spanish : _english;
            var target = 1700 + random.Next(700);
            text.Clear();
            var paragraphLength = 0;
            while (text.Length < target)
            {
                var sentence = sentences[random.Next(sentences.Length)];
                var words = sentence.Split(' ');
                var rare = random.Next(4);
                var list = words.ToList();
                for (var r = 0; r < rare; r++)
                {
                    list.Insert(random.Next(1, list.Count + 1), Word(Sample(_zipfCdf, random)));
                }

                if (text.Length > 0)
                {
                    text.Append(++paragraphLength % 4 == 0 ? "\n\n" : " ");
                }

                text.Append(string.Join(' ', list));
            }

            var titleWords = sentences[random.Next(sentences.Length)].Split(' ');
            var title = string.Join(' ', titleWords.Take(Math.Min(titleWords.Length, 6 + random.Next(6)))).TrimEnd('.', ',');
            var date = start.AddDays(random.Next(5 * 365));
            var host = _hosts[Sample(_hostCdf, random)];
            var id = $"bench-{i:D6}";
            var url = $"https://{host}/{Sections[random.Next(Sections.Length)]}/{date:yyyy/MM/dd}/{id}";
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("source", url);
                writer.WriteString("url", url);
                writer.WriteString("title", title);
                writer.WriteString("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteStartArray("authors");
                writer.WriteStringValue(_authors[random.Next(_authors.Length)]);
                writer.WriteEndArray();
                writer.WriteString("language", spanish ? "es" : "en");
                writer.WriteNull("translated_from");
                writer.WriteString("text", text.ToString());
                foreach (var empty in new[] { "headings", "credits", "removed", "changes", "flags", "entities", "quantities", "dates" })
                {
                    writer.WriteStartArray(empty);
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            yield return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static double[] ZipfCdf(int size, double exponent)
    {
        var cdf = new double[size];
        var sum = 0.0;
        for (var k = 0; k < size; k++)
        {
            sum += 1.0 / Math.Pow(k + 1, exponent);
            cdf[k] = sum;
        }

        for (var k = 0; k < size; k++)
        {
            cdf[k] /= sum;
        }

        return cdf;
    }

    private static int Sample(double[] cdf, Random random)
    {
        var index = Array.BinarySearch(cdf, random.NextDouble());
        return Math.Min(cdf.Length - 1, index < 0 ? ~index : index);
    }
}
