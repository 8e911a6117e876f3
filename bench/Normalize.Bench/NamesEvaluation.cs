using System.Text.Json;
using Normalize.Core.Names;

namespace Normalize.Bench;

/// <summary>
/// The names table: for every entity of the names extract (GeoNames places, mledoze countries), the
/// share of its variants that resolve to it (our entity's id or same_as), and the share our names
/// stage would match in running text (aliases it links or rewrites; historic names are lookup-only).
/// </summary>
public static class NamesEvaluation
{
    public static int Run(string normalizationFolder)
    {
        var folder = Path.Combine(normalizationFolder, "names");
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine("skipped: names/ extract is not here");
            return 0;
        }

        var index = NameIndex.Default;
        Console.WriteLine("Names extract (DEV): variants resolving to their entity");
        Console.WriteLine();
        Console.WriteLine($"{"file",-34} {"kind",-8} {"entities",8} {"variants",8} {"resolved",8} {"share",6}   {"in text",7} {"share",6}");
        Console.WriteLine(new string('-', 96));
        var total = 0;
        var resolved = 0;
        foreach (var path in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var byKind = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var id = root.GetProperty("entity_id").GetString()!;
                var kind = root.GetProperty("kind").GetString()!;
                if (!byKind.TryGetValue(kind, out var counts))
                {
                    byKind[kind] = counts = new int[4];
                }

                counts[0]++;
                foreach (var variant in root.GetProperty("variants").EnumerateArray())
                {
                    var text = variant.GetProperty("text").GetString()!;
                    counts[1]++;
                    var alias = index.Resolve(text);
                    if (alias is not null && (alias.Entity.Id == id || alias.Entity.SameAs.Contains(id)))
                    {
                        counts[2]++;
                        if (alias.Use != AliasUse.ResolveOnly && alias.Text == text)
                        {
                            counts[3]++;
                        }
                    }
                }
            }

            foreach (var (kind, c) in byKind)
            {
                total += c[1];
                resolved += c[2];
                Console.WriteLine($"{Path.GetFileName(path),-34} {kind,-8} {c[0],8} {c[1],8} {c[2],8} {Share(c[2], c[1]),6:0.000}   {c[3],7} {Share(c[3], c[1]),6:0.000}");
            }
        }

        Console.WriteLine(new string('-', 96));
        Console.WriteLine($"{"all",-34} {"",-8} {"",8} {total,8} {resolved,8} {Share(resolved, total),6:0.000}");
        return 0;
    }

    private static double Share(int part, int whole) => whole == 0 ? 1.0 : (double)part / whole;
}
