using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>Recipe versions: listed, read with their YAML, added (immutable per version), refused with every problem, approved, activated; a changed file makes a version unusable.</summary>
public sealed class RecipesApiTests(RecipesApiTests.Station station) : IClassFixture<RecipesApiTests.Station>
{
    public sealed class Station() : IDisposable
    {
        public TestStation Host { get; } = new();

        public void Dispose() => Host.Dispose();
    }

    private TestStation Host => station.Host;

    private string SampleYaml => File.ReadAllText(Path.Combine(Host.RecipesPath, "recipe.yaml"));

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Fact]
    public async Task Recipes_DefaultRecipe_IsListedActiveAndApprovedWithItsContent()
    {
        using var operatorClient = await Host.AsAsync("operator");

        var list = await operatorClient.GetFromJsonAsync<JsonElement>("/api/recipes", TestTimeouts.Unexpected);
        var sample = Assert.Single(list.EnumerateArray(), r => r.GetProperty("name").GetString() == "rt1064-sample" && r.GetProperty("version").GetInt32() == 1);
        Assert.True(sample.GetProperty("active").GetBoolean());
        Assert.True(sample.GetProperty("approved").GetBoolean());
        Assert.True(sample.GetProperty("burnsFuses").GetBoolean());
        Assert.Equal("MIMXRT1064", sample.GetProperty("device").GetString());
        Assert.Equal(64, sample.GetProperty("sha256").GetString()!.Length);

        var one = await operatorClient.GetFromJsonAsync<JsonElement>("/api/recipes/rt1064-sample/1", TestTimeouts.Unexpected);
        Assert.Equal(SampleYaml, one.GetProperty("content").GetString());
    }

    [Fact]
    public async Task CreateApproveActivate_NewVersion_BecomesTheActiveApprovedRecipe()
    {
        using var engineer = await Host.AsAsync("engineer");
        var v2 = SampleYaml.Replace("version: 1", "version: 2", StringComparison.Ordinal);

        var created = await engineer.PostAsync("/api/recipes", Yaml(v2), TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/recipes/rt1064-sample/2", created.Headers.Location?.OriginalString);
        var summary = await created.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected);
        Assert.False(summary.GetProperty("approved").GetBoolean());
        Assert.Equal("key:test-engineer", summary.GetProperty("createdBy").GetString());

        Assert.Equal(HttpStatusCode.OK, (await engineer.PostAsync("/api/recipes", Yaml(v2), TestTimeouts.Unexpected)).StatusCode);
        var changed = await engineer.PostAsync("/api/recipes", Yaml(v2 + "\n# changed\n"), TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);

        // Not approved: a directed run that would burn fuses is refused before it starts.
        using var mes = await Host.AsAsync("mes");
        var refused = await mes.PostAsJsonAsync("/api/runs", new { slot = "slot 1", recipe = new { name = "rt1064-sample", version = 2 } }, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("not approved", await refused.Content.ReadAsStringAsync(TestTimeouts.Unexpected), StringComparison.Ordinal);

        var approved = await engineer.PostAsync("/api/recipes/rt1064-sample/2/approve", null, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approval = await approved.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected);
        Assert.Equal("test-engineer", approval.GetProperty("approvedBy").GetString());
        Assert.Equal(JsonValueKind.String, approval.GetProperty("approvedAt").ValueKind);

        var activated = await engineer.PostAsync("/api/recipes/rt1064-sample/2/activate", null, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var stationInfo = await engineer.GetFromJsonAsync<JsonElement>("/api/station", TestTimeouts.Unexpected);
        Assert.Equal(2, stationInfo.GetProperty("activeRecipe").GetProperty("version").GetInt32());
        Assert.True(stationInfo.GetProperty("activeRecipe").GetProperty("approved").GetBoolean());

        // Auto mode now provisions with v2, and the run carries its approval.
        var ended = Host.NextRunEndAsync("slot 1");
        await Host.PlugAsync("slot 1");
        var result = await ended;
        Assert.Equal(Core.Runs.RunOutcome.Passed, result.Outcome);
        var run = await engineer.GetFromJsonAsync<JsonElement>($"/api/runs/{result.RunId}", TestTimeouts.Unexpected);
        Assert.Equal(2, run.GetProperty("recipe").GetProperty("version").GetInt32());
        Assert.Equal("test-engineer", run.GetProperty("approvedBy").GetString());
        Assert.Equal("auto", run.GetProperty("requestedBy").GetString());
        await Host.UnplugAllAsync();
        await engineer.PostAsync("/api/recipes/rt1064-sample/1/activate", null, TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Create_InvalidRecipe_Answers422WithEveryProblem()
    {
        using var engineer = await Host.AsAsync("engineer");
        var bad = SampleYaml.Replace("version: 1", "version: 3", StringComparison.Ordinal)
            .Replace("file: ivt_flashloader.bin", "file: missing-loader.bin", StringComparison.Ordinal)
            .Replace("file: app.boot.bin", "file: missing.bin", StringComparison.Ordinal);

        var response = await engineer.PostAsync("/api/recipes", Yaml(bad), TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("errors").GetProperty("recipe");
        Assert.True(errors.GetArrayLength() >= 2);
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains("missing-loader.bin", StringComparison.Ordinal));
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains("missing.bin", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await engineer.PostAsync("/api/recipes", Yaml("name: [unclosed"), TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await engineer.PostAsync("/api/recipes", Yaml(""), TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await engineer.PostAsync("/api/recipes", new StringContent(SampleYaml, Encoding.UTF8, "application/json"), TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await engineer.PostAsync("/api/recipes", Yaml(new string('#', 300_000)), TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.PostAsync("/api/recipes/rt1064-sample/99/approve", null, TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.PostAsync("/api/recipes/rt1064-sample/99/activate", null, TestTimeouts.Unexpected)).StatusCode);
    }

    [Fact]
    public async Task Activate_FileChangedSinceStored_Answers422()
    {
        using var engineer = await Host.AsAsync("engineer");
        var copy = Path.Combine(Host.RecipesPath, "app-v5.boot.bin");
        File.Copy(Path.Combine(Host.RecipesPath, "app.boot.bin"), copy, overwrite: true);
        var v5 = SampleYaml.Replace("version: 1", "version: 5", StringComparison.Ordinal).Replace("file: app.boot.bin", "file: app-v5.boot.bin", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await engineer.PostAsync("/api/recipes", Yaml(v5), TestTimeouts.Unexpected)).StatusCode);
        var flashloaderV5 = SampleYaml.Replace("version: 1", "version: 6", StringComparison.Ordinal).Replace("file: ivt_flashloader.bin", "file: fl-v6.bin", StringComparison.Ordinal);
        var flashloaderCopy = Path.Combine(Host.RecipesPath, "fl-v6.bin");
        File.Copy(Path.Combine(Host.RecipesPath, "ivt_flashloader.bin"), flashloaderCopy, overwrite: true);
        Assert.Equal(HttpStatusCode.Created, (await engineer.PostAsync("/api/recipes", Yaml(flashloaderV5), TestTimeouts.Unexpected)).StatusCode);

        // The image's SHA-256 is in the recipe; the flashloader's is only in the stored version.
        var bytes = await File.ReadAllBytesAsync(flashloaderCopy, TestTimeouts.Unexpected);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(flashloaderCopy, bytes, TestTimeouts.Unexpected);
        var response = await engineer.PostAsync("/api/recipes/rt1064-sample/6/activate", null, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("changed since the recipe was stored", await response.Content.ReadAsStringAsync(TestTimeouts.Unexpected), StringComparison.Ordinal);
    }
}
