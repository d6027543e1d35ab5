using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Station.Core.Runs;
using Station.Data.Export;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>POST /api/runs through to a passed unit whose record QA can read and export, plus every refusal of the route.</summary>
public sealed class RunsApiTests(RunsApiTests.Station station) : IClassFixture<RunsApiTests.Station>
{
    public sealed class Station() : IDisposable
    {
        public TestStation Host { get; } = new(new Dictionary<string, string?> { ["Station:Mode"] = "directed" });

        public void Dispose() => Host.Dispose();
    }

    private TestStation Host => station.Host;

    private static object Request(string slot, string serial, bool rework = false) =>
        new { slot, recipe = new { name = "rt1064-sample", version = 1 }, serialNumber = serial, @operator = "ana", rework };

    [Fact]
    public async Task StartRun_SimulatedBoard_PassesAndItsRecordIsQueryableAndExportable()
    {
        using var mes = await Host.AsAsync("mes");
        await Host.PlugAsync("slot 1");
        var serial = "SN-" + Guid.NewGuid().ToString("N")[..8];

        var response = await mes.PostAsJsonAsync("/api/runs", Request("slot 1", serial), TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected);
        var runId = started.GetProperty("runId").GetGuid();
        Assert.Equal($"/api/runs/{runId}", started.GetProperty("url").GetString());
        Assert.Equal($"/api/runs/{runId}", response.Headers.Location?.OriginalString);
        var result = await Host.WaitForEndAsync(runId);
        Assert.Equal(RunOutcome.Passed, result?.Outcome ?? RunOutcome.Passed);

        var run = await mes.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}", TestTimeouts.Unexpected);
        Assert.Equal("Passed", run.GetProperty("result").GetProperty("outcome").GetString());
        Assert.Equal(serial, run.GetProperty("serialNumber").GetString());
        Assert.Equal("key:test-mes", run.GetProperty("requestedBy").GetString());
        Assert.Equal("engineer (start-up configuration)", run.GetProperty("approvedBy").GetString());
        var image = run.GetProperty("images")[0];
        Assert.Equal(image.GetProperty("imageSha256").GetString(), image.GetProperty("readBackSha256").GetString());
        Assert.Contains(run.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "BurnFuses" && s.GetProperty("succeeded").GetBoolean());

        using var qa = await Host.AsAsync("qa");
        var unit = await qa.GetFromJsonAsync<JsonElement>($"/api/units/{serial}", TestTimeouts.Unexpected);
        Assert.Equal(serial, unit.GetProperty("serialNumber").GetString());
        var recorded = unit.GetProperty("runs")[0];
        Assert.Equal(runId, recorded.GetProperty("runId").GetGuid());
        Assert.Equal("Passed", recorded.GetProperty("result").GetProperty("outcome").GetString());
        Assert.Equal("ana", recorded.GetProperty("operator").GetString());
        Assert.Equal("key:test-mes", recorded.GetProperty("requestedBy").GetString());
        var fuse = recorded.GetProperty("fuses")[0];
        Assert.Equal("CFG5", fuse.GetProperty("name").GetString());
        Assert.Equal(0, fuse.GetProperty("before").GetInt64());
        Assert.Equal(16, fuse.GetProperty("after").GetInt64());
        Assert.StartsWith("approval ", fuse.GetProperty("approvalReference").GetString());
        Assert.NotEmpty(recorded.GetProperty("log").EnumerateArray());

        var chipUid = unit.GetProperty("chipUid").GetString()!;
        var byUid = await qa.GetFromJsonAsync<JsonElement>($"/api/units/{chipUid}", TestTimeouts.Unexpected);
        Assert.Equal(serial, byUid.GetProperty("serialNumber").GetString());

        var json = await qa.GetAsync($"/api/units/{serial}/record?format=json", TestTimeouts.Unexpected);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"unit-{serial}.json", json.Content.Headers.ContentDisposition?.FileNameStar ?? json.Content.Headers.ContentDisposition?.FileName);
        var export = JsonDocument.Parse(await json.Content.ReadAsStringAsync(TestTimeouts.Unexpected)).RootElement;
        Assert.Equal(UnitRecordExporter.JsonFormat, export.GetProperty("format").GetString());
        Assert.Equal(runId.ToString(), export.GetProperty("runs")[0].GetProperty("run_id").GetString());

        var csv = await qa.GetAsync($"/api/units/{chipUid}/record?format=csv", TestTimeouts.Unexpected);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(TestTimeouts.Unexpected)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("run_id,serial_number,chip_uid,record_type", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("run_ends", StringComparison.Ordinal) && l.Contains("passed", StringComparison.Ordinal));

        var page = await qa.GetFromJsonAsync<JsonElement>($"/api/units?serial={serial}&outcome=passed", TestTimeouts.Unexpected);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("Passed", page.GetProperty("items")[0].GetProperty("lastOutcome").GetString());
        Assert.Equal("rt1064-sample", page.GetProperty("items")[0].GetProperty("recipe").GetProperty("name").GetString());

        // The same serial again: already provisioned, unless the request says rework.
        await Host.PlugAsync("slot 2");
        var again = await mes.PostAsJsonAsync("/api/runs", Request("slot 2", serial), TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already provisioned", await again.Content.ReadAsStringAsync(TestTimeouts.Unexpected), StringComparison.Ordinal);
        var rework = await mes.PostAsJsonAsync("/api/runs", Request("slot 2", serial, rework: true), TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Accepted, rework.StatusCode);
        await Host.WaitForEndAsync((await rework.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("runId").GetGuid());

        // An ended run cannot be cancelled; an unknown one is not found.
        Assert.Equal(HttpStatusCode.Conflict, (await mes.PostAsync($"/api/runs/{runId}/cancel", null, TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mes.PostAsync($"/api/runs/{Guid.NewGuid()}/cancel", null, TestTimeouts.Unexpected)).StatusCode);
        await Host.UnplugAllAsync();
    }

    [Fact]
    public async Task StartRun_SameIdempotencyKeyTwice_AnswersTheFirstRunAndStartsNoSecond()
    {
        using var mes = await Host.AsAsync("mes");
        var serial = "SN-" + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = JsonContent.Create(Request("slot 3", serial)) };
        first.Headers.Add("Idempotency-Key", key);
        var firstAnswer = await mes.SendAsync(first, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Accepted, firstAnswer.StatusCode);
        var runId = (await firstAnswer.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("runId").GetGuid();

        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = JsonContent.Create(Request("slot 3", serial)) };
        retry.Headers.Add("Idempotency-Key", key);
        var retryAnswer = await mes.SendAsync(retry, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Accepted, retryAnswer.StatusCode);
        Assert.Equal(runId, (await retryAnswer.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("runId").GetGuid());

        using var reused = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = JsonContent.Create(Request("slot 4", serial)) };
        reused.Headers.Add("Idempotency-Key", key);
        var reusedAnswer = await mes.SendAsync(reused, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reusedAnswer.StatusCode);

        // Without a board the run waits on its slot: the slot is busy for another request.
        var busy = await mes.PostAsJsonAsync("/api/runs", Request("slot 3", "OTHER-" + serial), TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("waiting", Host.Board.Slot("slot 3")!.State);
        Assert.Equal(HttpStatusCode.Accepted, (await mes.PostAsync($"/api/runs/{runId}/cancel", null, TestTimeouts.Unexpected)).StatusCode);
        var ended = await Host.WaitForEndAsync(runId);
        Assert.Equal(RunOutcome.Cancelled, ended?.Outcome ?? RunOutcome.Cancelled);
        Assert.Single(Host.Board.Snapshot(), s => s.LastResult?.RunId == runId);
    }

    [Theory]
    [InlineData("{\"slot\": \"slot 1\", \"recipe\": ", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("[1, 2, 3]", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("{\"recipe\": {\"name\": \"rt1064-sample\", \"version\": 1}}", HttpStatusCode.BadRequest, "slot")]
    [InlineData("{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 0}}", HttpStatusCode.BadRequest, "recipe")]
    [InlineData("{\"slot\": \"slot 9\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 1}}", HttpStatusCode.NotFound, "slot 9")]
    [InlineData("{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 7}}", HttpStatusCode.UnprocessableEntity, "v7")]
    [InlineData("{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"nope\", \"version\": 1}}", HttpStatusCode.UnprocessableEntity, "nope")]
    [InlineData("{\"slot\": \"slot 1\", \"recipe\": {\"name\": \"rt1064-sample\", \"version\": 1}, \"operator\": \"auto\"}", HttpStatusCode.BadRequest, "operator")]
    public async Task StartRun_BadRequest_AnswersProblemDetails(string body, HttpStatusCode expected, string mentions)
    {
        using var mes = await Host.AsAsync("mes");

        var response = await mes.PostAsync("/api/runs", TestStation.Json(body), TestTimeouts.Unexpected);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.Contains(mentions, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_HugeBody_Answers413()
    {
        using var mes = await Host.AsAsync("mes");
        var huge = "{\"slot\": \"slot 1\", \"serialNumber\": \"" + new string('x', 200_000) + "\"}";

        var response = await mes.PostAsync("/api/runs", TestStation.Json(huge), TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StartRun_ChunkedHugeBody_Answers413()
    {
        using var mes = await Host.AsAsync("mes");
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 100_000) + "{}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await mes.SendAsync(request, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task StartRun_WrongContentType_Answers415Problem()
    {
        using var mes = await Host.AsAsync("mes");

        var response = await mes.PostAsync("/api/runs", new StringContent("slot=1", Encoding.UTF8, "application/x-www-form-urlencoded"), TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/runs/" + "0193a4b0-0000-7000-8000-000000000000")]
    [InlineData("/api/runs/not-a-guid")]
    [InlineData("/api/nothing/here")]
    [InlineData("/api/units/NO-SUCH-UNIT")]
    [InlineData("/api/units/NO-SUCH-UNIT/record?format=csv")]
    [InlineData("/api/recipes/nope/1")]
    public async Task Get_UnknownIds_Answer404Problem(string path)
    {
        using var admin = await Host.AsAsync("admin");

        var response = await admin.GetAsync(path, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/units?outcome=maybe")]
    [InlineData("/api/units?pageSize=100000")]
    [InlineData("/api/units?page=0")]
    [InlineData("/api/units?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("/api/units/X/record?format=xml")]
    public async Task Units_BadQuery_Answers400Problem(string path)
    {
        using var qa = await Host.AsAsync("qa");

        var response = await qa.GetAsync(path, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
