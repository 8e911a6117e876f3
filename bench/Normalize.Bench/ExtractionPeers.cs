using System.Diagnostics;
using System.Text.Json;

namespace Normalize.Bench;

/// <summary>
/// Other extractors run on the same pages for comparison: Readability.js (npm, pinned, installed
/// into a temporary folder, never into the project) and readability-lxml (Debian's
/// python3-readability). Each prints block-aware text (a line break at every block element) and
/// its own per-page time, so process start-up is not counted against it.
/// </summary>
internal static class ExtractionPeers
{
    public sealed record PeerPage(string File, double Milliseconds, string Text);

    public sealed record Peer(string Name, Func<IReadOnlyList<string>, List<PeerPage>?> Run);

    private const string NodePackages = "@mozilla/readability@0.6.0 jsdom@27.0.0 cssstyle@5.3.1";

    private const string BlockTags =
        "ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TD TH TR UL";

    private const string NodeScript = """
        const fs = require('fs');
        const { JSDOM, VirtualConsole } = require('jsdom');
        const { Readability } = require('@mozilla/readability');
        const BLOCK = new Set(process.argv[2].split(' '));
        function blockText(root) {
          const out = [];
          const stack = [[root, false]];
          while (stack.length) {
            const [node, closing] = stack.pop();
            if (node.nodeType === 3) { out.push(node.nodeValue); continue; }
            if (node.nodeType !== 1 && node.nodeType !== 11) continue;
            const block = BLOCK.has(node.tagName);
            if (closing) { if (block) out.push('\n'); continue; }
            if (block) out.push('\n');
            stack.push([node, true]);
            for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push([node.childNodes[i], false]);
          }
          return out.join('').split('\n').map(l => l.replace(/\s+/g, ' ').trim()).filter(l => l).join('\n');
        }
        const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
        for (const file of files) {
          const html = fs.readFileSync(file, 'utf8');
          const start = process.hrtime.bigint();
          let text = '';
          try {
            const dom = new JSDOM(html, { url: 'https://example.com/', virtualConsole: new VirtualConsole() });
            const article = new Readability(dom.window.document, { serializer: el => el }).parse();
            if (article && article.content) text = blockText(article.content);
            dom.window.close();
          } catch (e) { text = ''; }
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          process.stdout.write(JSON.stringify({ file, ms, text }) + '\n');
        }
        """;

    private const string PythonScript = """
        import json, sys, time
        import lxml.html
        from readability import Document
        BLOCK = set(sys.argv[1].lower().split())
        for line in sys.stdin:
            path = line.strip()
            if not path:
                continue
            with open(path, encoding='utf-8', errors='replace') as f:
                html = f.read()
            start = time.perf_counter()
            text = ''
            try:
                root = lxml.html.fromstring(Document(html).summary())
                for el in root.iter():
                    if isinstance(el.tag, str) and el.tag in BLOCK:
                        el.text = '\n' + (el.text or '')
                        el.tail = '\n' + (el.tail or '')
                text = '\n'.join(' '.join(l.split()) for l in root.text_content().split('\n') if l.strip())
            except Exception:
                text = ''
            ms = (time.perf_counter() - start) * 1000
            print(json.dumps({'file': path, 'ms': ms, 'text': text}), flush=True)
        """;

    /// <summary>The peers whose tools are on this machine (a note on stderr for each one that is not).</summary>
    public static List<Peer> Available()
    {
        var peers = new List<Peer>();
        if (HasCommand("node") && HasCommand("npm"))
        {
            peers.Add(new Peer("Readability.js 0.6.0 (jsdom 27)", RunReadabilityJs));
        }
        else
        {
            Console.Error.WriteLine("peer skipped: Readability.js needs node and npm");
        }

        if (File.Exists("/usr/bin/python3") && RunProcess("/usr/bin/python3", ["-c", "import readability, lxml"], null, out _) == 0)
        {
            peers.Add(new Peer("readability-lxml (python3-readability)", RunReadabilityLxml));
        }
        else
        {
            Console.Error.WriteLine("peer skipped: readability-lxml needs Debian's python3-readability");
        }

        return peers;
    }

    private static List<PeerPage>? RunReadabilityJs(IReadOnlyList<string> files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "normalize-bench-peers", "readability-js-0.6.0");
        Directory.CreateDirectory(folder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@mozilla", "readability")))
        {
            Console.Error.WriteLine($"installing {NodePackages} into {folder} …");
            if (RunProcess("npm", ["install", "--no-audit", "--no-fund", "--silent", "--prefix", folder, .. NodePackages.Split(' ')], null, out _) != 0)
            {
                Console.Error.WriteLine("peer skipped: npm install failed");
                return null;
            }
        }

        var script = Path.Combine(folder, "extract.js");
        File.WriteAllText(script, NodeScript);
        return RunScript("node", [script, BlockTags], files, folder);
    }

    private static List<PeerPage>? RunReadabilityLxml(IReadOnlyList<string> files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "normalize-bench-peers", "readability-lxml");
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "extract.py");
        File.WriteAllText(script, PythonScript);
        return RunScript("/usr/bin/python3", [script, BlockTags], files, folder);
    }

    private static List<PeerPage>? RunScript(string command, string[] arguments, IReadOnlyList<string> files, string workingDirectory)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info);
        if (process is null)
        {
            return null;
        }

        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var writer = Task.Run(() =>
        {
            foreach (var file in files)
            {
                process.StandardInput.WriteLine(file);
            }

            process.StandardInput.Close();
        });
        var pages = new List<PeerPage>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            pages.Add(new PeerPage(root.GetProperty("file").GetString()!, root.GetProperty("ms").GetDouble(), root.GetProperty("text").GetString() ?? ""));
        }

        writer.Wait();
        process.WaitForExit();
        return pages.Count == files.Count ? pages : null;
    }

    private static bool HasCommand(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));

    private static int RunProcess(string command, string[] arguments, string? workingDirectory, out string output)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        return process.ExitCode;
    }
}
