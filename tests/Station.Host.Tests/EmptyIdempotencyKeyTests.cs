using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>
/// An empty Idempotency-Key header is a malformed key (docs/API.md: 1 to 128 characters), not the
/// absence of one: an MES that sends it means to be idempotent and must hear that it is not. Over
/// real Kestrel, since the in-memory test server drops headers with empty values.
/// </summary>
public sealed class EmptyIdempotencyKeyTests : IDisposable
{
    private readonly TestStation _host = new(new Dictionary<string, string?> { ["Station:Mode"] = "directed" }, kestrel: true);

    public EmptyIdempotencyKeyTests() => _host.StartServer();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StartRun_EmptyIdempotencyKey_Answers400NamingTheHeaderAndStartsNothing()
    {
        await _host.PlugAsync("slot 1");
        using var http = new HttpClient { BaseAddress = _host.ServerAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", await _host.KeyAsync("mes"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = TestStation.Json("{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 1}}"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "");

        var response = await http.SendAsync(request, TestTimeouts.Unexpected);

        var text = await response.Content.ReadAsStringAsync(TestTimeouts.Unexpected);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Contains("Idempotency-Key", text, StringComparison.Ordinal);
        var slots = await http.GetFromJsonAsync<JsonElement>("/api/slots", TestTimeouts.Unexpected);
        Assert.All(slots.EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("runId").ValueKind));
    }
}
