using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Station.Host.Simulation;
using Station.Simulator;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>
/// Issue 8's bad-request corpus: malformed requests to every kind of route that writes (runs,
/// recipes, approvals, people and keys, simulated boards) and to the query routes. Each answers a
/// 4xx problem details whose detail or errors name the problem (never a 500), and the board plugged
/// into slot 1 shows nothing written: no run started, no flashloader loaded, its flash and fuses as
/// they were. RunsApiTests already covers truncated JSON, a missing slot, version 0, an unknown
/// slot, recipe or version, "operator": "auto", huge and chunked bodies and a wrong content type.
/// </summary>
public sealed class BadRequestTests(BadRequestTests.Station station) : IClassFixture<BadRequestTests.Station>
{
    private const string LongName = "name-129-" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789";

    private const string Run = "{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 1}";

    public sealed class Station : IAsyncLifetime
    {
        public TestStation Host { get; } = new(new Dictionary<string, string?> { ["Station:Mode"] = "directed" });

        public SimulatedBoard Board { get; private set; } = null!;

        public byte[] FlashBefore { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await Host.PlugAsync("slot 1");
            Board = Host.Services.GetRequiredService<SimulatedBoards>().Boards.Single(b => b.Slot.Name == "slot 1").Board;
            FlashBefore = Board.ReadFlash(Board.Family.FlexSpiBase, 0x4_0000);
        }

        public Task DisposeAsync()
        {
            Host.Dispose();
            return Task.CompletedTask;
        }
    }

    private TestStation Host => station.Host;

    [Theory]
    // Runs: wrong types, nulls, empty bodies, over-long fields.
    [InlineData("mes", "POST", "/api/runs", "application/json", "{\"slot\": 5, \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 1}}", 400, "$.slot")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": \"one\"}}", 400, "$.recipe.version")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 2147483648}}", 400, "$.recipe.version")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "{\"slot\": \"slot 1\", \"recipe\": \"rt1064-sample\"}", 400, "$.recipe")]
    [InlineData("mes", "POST", "/api/runs", "application/json", Run + ", \"rework\": \"yes\"}", 400, "$.rework")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "null", 400, "body")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "", 400, "body")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "{\"slot\": \"slot 1\"}", 400, "recipe")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "{\"slot\": \"slot 1\", \"recipe\": {\"version\": 1}}", 400, "recipe's name")]
    [InlineData("mes", "POST", "/api/runs", "application/json", Run + ", \"serialNumber\": \"SN\\u0000\"}", 400, "serial number")]
    [InlineData("mes", "POST", "/api/runs", "application/json", Run + ", \"serialNumber\": \"\"}", 400, "serial number")]
    [InlineData("mes", "POST", "/api/runs", "application/json", Run + ", \"operator\": \"" + LongName + "\"}", 400, "operator's name")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "{\"slot\": \"slot\\u00001\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 1}}", 404, "slot")]
    [InlineData("mes", "POST", "/api/runs", "application/json", "{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"../recipe\", \"version\": 1}}", 422, "../recipe")]
    [InlineData("mes", "POST", "/api/runs", "text/plain", Run + "}", 415, "text/plain")]
    [InlineData("mes", "POST", "/api/runs/0193a4b0-0000-7000-8000-000000000000/cancel", null, null, 404, "There is no run 0193a4b0-0000-7000-8000-000000000000")]
    [InlineData("mes", "POST", "/api/runs/not-a-run/cancel", null, null, 404, "/api/runs/not-a-run/cancel")]
    // Recipes: YAML the loader refuses, the wrong content type, approval and activation of what is not stored.
    [InlineData("engineer", "POST", "/api/recipes", "application/yaml", "name: [unclosed\nversion: 1\n", 422, "not valid YAML at line")]
    [InlineData("engineer", "POST", "/api/recipes", "application/yaml", "name: a\nname: b\n", 422, "duplicate key name")]
    [InlineData("engineer", "POST", "/api/recipes", "text/yaml", "name: bad\nversion: 9\ndevice: MIMXRT1064\npolicy: { stageTimeout: NaN }\n", 422, "policy.stageTimeout: 'NaN'")]
    [InlineData("engineer", "POST", "/api/recipes", "text/plain", "", 400, "The body is empty")]
    [InlineData("engineer", "POST", "/api/recipes", "application/json", "{\"name\": \"x\"}", 415, "application/json")]
    [InlineData("engineer", "POST", "/api/recipes/rt1064-sample/99/approve", null, null, 404, "rt1064-sample")]
    [InlineData("engineer", "POST", "/api/recipes/no-such-recipe/1/approve", null, null, 404, "no-such-recipe")]
    [InlineData("engineer", "POST", "/api/recipes/no-such-recipe/1/activate", null, null, 404, "no-such-recipe")]
    [InlineData("engineer", "POST", "/api/recipes/rt1064-sample/one/approve", null, null, 404, "/api/recipes/rt1064-sample/one/approve")]
    // People and keys.
    [InlineData("admin", "POST", "/api/admin/keys", "application/json", "{\"name\": \"k1\", \"roles\": [\"wizard\"]}", 422, "wizard")]
    [InlineData("admin", "POST", "/api/admin/keys", "application/json", "{\"name\": 5, \"roles\": [\"mes\"]}", 400, "$.name")]
    [InlineData("admin", "POST", "/api/admin/users", "application/json", "{\"userName\": \"bob\", \"password\": \"123\", \"roles\": [\"operator\"]}", 422, "password")]
    [InlineData("admin", "POST", "/api/admin/users", "application/json", "{\"userName\": \"bob\", \"password\": \"long enough\", \"roles\": \"operator\"}", 400, "$.roles")]
    [InlineData("admin", "DELETE", "/api/admin/keys/no-such-key", null, null, 404, "no-such-key")]
    [InlineData(null, "POST", "/api/auth/login", "application/json", "{\"userName\": \"ana\"}", 400, "password")]
    [InlineData(null, "POST", "/api/auth/login", "application/json", "{\"userName\": ", 400, "not valid JSON")]
    // Simulated boards.
    [InlineData("engineer", "POST", "/api/sim/slots/slot%201/board", "application/json", "{\"faults\": 5}", 400, "$.faults")]
    [InlineData("engineer", "POST", "/api/sim/slots/slot%201/board", "application/json", "{\"faults\": \"\"}", 409, "already has a board")]
    [InlineData("engineer", "POST", "/api/sim/slots/slot%202/board", "application/json", "{\"faults\": \"fail-step=?\"}", 422, "fault")]
    // Query parameters.
    [InlineData("qa", "GET", "/api/units?page=abc", null, null, 400, "page")]
    [InlineData("qa", "GET", "/api/units?pageSize=-1", null, null, 400, "pageSize")]
    [InlineData("qa", "GET", "/api/units?from=not-a-date", null, null, 400, "from")]
    [InlineData("qa", "GET", "/api/stats/cycle-times?since=yesterday", null, null, 400, "since")]
    [InlineData("qa", "GET", "/api/stats/failures?since=2026-13-45", null, null, 400, "since")]
    public async Task Request_Malformed_Answers4xxProblemNamingItAndWritesNothing(
        string? role, string method, string path, string? contentType, string? body, int status, string mentions)
    {
        using var client = role is null ? Host.Anonymous() : await Host.AsAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType ?? "application/json");
        }

        var response = await client.SendAsync(request, TestTimeouts.Unexpected);

        var text = await response.Content.ReadAsStringAsync(TestTimeouts.Unexpected);
        Assert.True((int)response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode}, expected {status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()), text);
        Assert.Contains(mentions, Said(problem.RootElement), StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("key\twith\ttabs")]
    [InlineData(LongName)]
    public async Task StartRun_BadIdempotencyKey_Answers400NamingTheHeader(string key)
    {
        using var mes = await Host.AsAsync("mes");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = TestStation.Json(Run + "}") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await mes.SendAsync(request, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected);
        Assert.Contains("Idempotency-Key", Said(problem), StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public async Task CreateRecipe_OverTheRecipeLimit_Answers413()
    {
        using var engineer = await Host.AsAsync("engineer");
        var yaml = "name: big\nversion: 1\n# " + new string('x', 300 * 1024) + "\n";

        var response = await engineer.PostAsync("/api/recipes", new StringContent(yaml, Encoding.UTF8, "application/yaml"), TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNothingWritten();
    }

    [Fact]
    public async Task CreateRecipe_FileOutsideTheRecipesFolder_Answers422NamingIt()
    {
        using var engineer = await Host.AsAsync("engineer");
        var yaml = (await File.ReadAllTextAsync(Path.Combine(Host.RecipesPath, "recipe.yaml"), TestTimeouts.Unexpected))
            .Replace("version: 1", "version: 50", StringComparison.Ordinal)
            .Replace("file: ivt_flashloader.bin", "file: ../../../../../../../../etc/hostname", StringComparison.Ordinal);

        var response = await engineer.PostAsync("/api/recipes", new StringContent(yaml, Encoding.UTF8, "application/yaml"), TestTimeouts.Unexpected);

        var text = await response.Content.ReadAsStringAsync(TestTimeouts.Unexpected);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        Assert.Contains("flashloader.file: '../../../../../../../../etc/hostname' is outside the recipe's folder", text, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    /// <summary>The problem's detail and every error message, as one text to search.</summary>
    private static string Said(JsonElement problem) =>
        problem.GetProperty("detail").GetString() + " | " + (problem.TryGetProperty("errors", out var errors) ? errors.ToString() : "") + " | " + problem.GetProperty("title").GetString();

    private void AssertNothingWritten()
    {
        Assert.Null(Host.Runtime.Engine.CurrentRun("slot 1"));
        Assert.Null(station.Board.Flashloader);
        Assert.Empty(station.Board.FuseProgramCounts());
        Assert.Equal(station.FlashBefore, station.Board.ReadFlash(station.Board.Family.FlexSpiBase, station.FlashBefore.Length));
        Assert.Equal(BoardState.Rom, station.Board.State);
    }
}
