using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Station.Host.Tests;

/// <summary>
/// A SignalR client written by hand (the .NET client is not served here): negotiate, WebSocket,
/// the JSON hub protocol's handshake <c>{"protocol":"json","version":1}\u001e</c>, invocations
/// (type 1) with completions (type 3), and the server's invocations as they arrive. Pings (type 6)
/// are skipped.
/// </summary>
internal sealed class HubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly StringBuilder _pending = new();
    private readonly Queue<JsonObject> _received = new();
    private int _invocationId;

    private HubClient()
    {
    }

    /// <summary>Negotiates with <paramref name="key"/>, opens the WebSocket and completes the handshake.</summary>
    public static async Task<HubClient> ConnectAsync(Uri server, string key, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var negotiate = await http.PostAsync("/hubs/station/negotiate?negotiateVersion=1", null, cancellationToken);
        negotiate.EnsureSuccessStatusCode();
        var body = await negotiate.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Contains(body.GetProperty("availableTransports").EnumerateArray(), t => t.GetProperty("transport").GetString() == "WebSockets");
        var token = body.GetProperty("connectionToken").GetString()!;

        var client = new HubClient();
        client._socket.Options.SetRequestHeader("X-Api-Key", key);
        var uri = new UriBuilder(server) { Scheme = "ws", Path = "/hubs/station", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        await client._socket.ConnectAsync(uri, cancellationToken);
        await client.SendRawAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        var handshake = await client.ReceiveRawAsync(cancellationToken);
        Assert.Equal("{}", handshake);
        return client;
    }

    /// <summary>Invokes a hub method and returns its completion message (type 3).</summary>
    public async Task<JsonObject> InvokeAsync(string target, JsonNode?[] arguments, CancellationToken cancellationToken)
    {
        var id = (++_invocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = new JsonObject { ["type"] = 1, ["invocationId"] = id, ["target"] = target, ["arguments"] = new JsonArray(arguments) };
        await SendRawAsync(message.ToJsonString(), cancellationToken);
        while (true)
        {
            var next = await NextAsync(cancellationToken);
            if (next["type"]!.GetValue<int>() == 3 && next["invocationId"]?.GetValue<string>() == id)
            {
                return next;
            }

            _received.Enqueue(next);
        }
    }

    /// <summary>The next server invocation (type 1) whose target and argument satisfy <paramref name="match"/>; earlier ones are returned through <paramref name="seen"/>.</summary>
    public async Task<JsonObject> WaitForAsync(string target, Func<JsonObject, bool> match, List<JsonObject> seen, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = _received.Count > 0 ? _received.Dequeue() : await NextAsync(cancellationToken);
            if (message["type"]!.GetValue<int>() != 1)
            {
                continue;
            }

            var argument = message["arguments"]![0]!.AsObject();
            var methodName = message["target"]!.GetValue<string>();
            seen.Add(new JsonObject { ["target"] = methodName, ["argument"] = argument.DeepClone() });
            if (methodName == target && match(argument))
            {
                return argument;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }

    private async Task<JsonObject> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = await ReceiveRawAsync(cancellationToken);
            var node = JsonNode.Parse(text)!.AsObject();
            if (node["type"]?.GetValue<int>() == 6)
            {
                continue;
            }

            return node;
        }
    }

    private Task SendRawAsync(string json, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>One record (text up to the separator), reading more frames as needed.</summary>
    private async Task<string> ReceiveRawAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return text[..end];
            }

            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"The hub closed the connection: {result.CloseStatus} {result.CloseStatusDescription}");
            }

            _pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }
}
