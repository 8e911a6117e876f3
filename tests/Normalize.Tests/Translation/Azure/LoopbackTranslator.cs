using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Normalize.Tests.Translation.Azure;

/// <summary>
/// A Translator v3.0 stand-in on 127.0.0.1 (random port) for the client tests: records every request
/// (method, path and query, headers, body) and answers from a script of responses, then by translating
/// each element as "EN(text)". The remote service is the one true boundary mocked in these tests.
/// </summary>
public sealed class LoopbackTranslator : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Func<RecordedRequest, Reply>> _script = new();
    private readonly Task _loop;

    public LoopbackTranslator()
    {
        // HttpListener needs a free port chosen up front: take one from a throwaway socket.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public Uri Endpoint { get; }

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>The next request gets this reply instead of a translation.</summary>
    public void Enqueue(Func<RecordedRequest, Reply> reply) => _script.Enqueue(reply);

    public void Enqueue(Reply reply) => _script.Enqueue(_ => reply);

    public sealed record RecordedRequest(string Method, string PathAndQuery, Dictionary<string, string> Headers, string Body)
    {
        public List<string> Texts =>
            JsonDocument.Parse(Body).RootElement.EnumerateArray().Select(e => e.GetProperty("Text").GetString()!).ToList();
    }

    public sealed record Reply(int Status, string Body = "", Dictionary<string, string>? Headers = null);

    /// <summary>The service's answer to a v3.0 translate request: each element as "EN(text)".</summary>
    public static Reply Translate(RecordedRequest request)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + request.PathAndQuery).Query);
        var to = query["to"]!;
        var from = query["from"];
        var items = request.Texts.Select(t => new Dictionary<string, object?>
        {
            ["detectedLanguage"] = from is null ? new { language = "hr", score = 0.98 } : null,
            ["translations"] = new[] { new { text = $"EN({t})", to } },
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
        return new Reply(200, JsonSerializer.Serialize(items));
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "", headers, body);
            lock (Requests)
            {
                Requests.Add(request);
            }

            var reply = _script.TryDequeue(out var scripted) ? scripted(request) : Translate(request);
            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
