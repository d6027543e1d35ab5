using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Station.Core.Runs;
using Station.Host.Hosting;
using Station.Host.Runs;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>
/// The real host (Program) with a temporary data folder, a SQLite file (or a PostgreSQL database),
/// four simulated boards with instant timing, the sample RT1064 recipe active and approved, the
/// /api/sim routes on, and a bootstrap admin key. In-process (TestServer) by default, or on a real
/// Kestrel port. Callers get clients per role through API keys the admin makes.
/// </summary>
public sealed class TestStation : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;
    private readonly Dictionary<string, string> _keys = [];
    private readonly SemaphoreSlim _keysLock = new(1, 1);

    public TestStation(IDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("station-host-test-").FullName;
        RecipesPath = Path.Combine(Directory, "recipes");
        System.IO.Directory.CreateDirectory(RecipesPath);
        foreach (var file in System.IO.Directory.GetFiles(SharedTestData.RepositoryPath("samples/rt1064")))
        {
            File.Copy(file, Path.Combine(RecipesPath, Path.GetFileName(file)));
        }

        _settings = new Dictionary<string, string?>
        {
            ["Station:Name"] = "test station",
            ["Station:DataDirectory"] = Path.Combine(Directory, "data"),
            ["Station:RecipesPath"] = RecipesPath,
            ["Station:DashboardPath"] = Path.Combine(Directory, "dashboard"),
            ["Station:DefaultRecipe"] = "recipe.yaml",
            ["Station:ApproveDefaultRecipeAs"] = "engineer",
            ["Station:Mode"] = "auto",
            ["Devices:Mode"] = "Simulator",
            ["Devices:Simulator:Boards"] = "4",
            ["Devices:Simulator:TimeScale"] = "0",
            ["Devices:Simulator:PlugAtStart"] = "false",
            ["Devices:Simulator:Api"] = "true",
            ["Auth:BootstrapAdminKey"] = AdminKey,
            ["Auth:DemoUsers"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public string Directory { get; }

    public string RecipesPath { get; }

    public string DataDirectory => _settings["Station:DataDirectory"]!;

    /// <summary>The Kestrel address (after <see cref="WebApplicationFactory{TEntryPoint}.StartServer"/>).</summary>
    public Uri ServerAddress
    {
        get
        {
            using var client = CreateClient();
            return ClientOptions.BaseAddress;
        }
    }

    internal StationRuntime Runtime => Services.GetRequiredService<StationRuntime>();

    internal SlotBoard Board => Services.GetRequiredService<SlotBoard>();

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client calling with <paramref name="key"/>.</summary>
    public HttpClient WithKey(string key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A client with an API key of <paramref name="role"/> (made once by the admin).</summary>
    public async Task<HttpClient> AsAsync(string role) => WithKey(await KeyAsync(role));

    public async Task<string> KeyAsync(string role)
    {
        if (role == "admin")
        {
            return AdminKey;
        }

        await _keysLock.WaitAsync(TestTimeouts.Unexpected);
        try
        {
            if (!_keys.TryGetValue(role, out var key))
            {
                using var admin = WithKey(AdminKey);
                var response = await admin.PostAsJsonAsync("/api/admin/keys", new { name = $"test-{role}", roles = new[] { role } }, TestTimeouts.Unexpected);
                response.EnsureSuccessStatusCode();
                key = (await response.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("key").GetString()!;
                _keys[role] = key;
            }

            return key;
        }
        finally
        {
            _keysLock.Release();
        }
    }

    /// <summary>Plugs a fresh simulated board into <paramref name="slot"/> (in auto mode its run starts).</summary>
    public async Task PlugAsync(string slot, string faults = "")
    {
        using var engineer = await AsAsync("engineer");
        var response = await engineer.PostAsJsonAsync($"/api/sim/slots/{Uri.EscapeDataString(slot)}/board", new { faults }, TestTimeouts.Unexpected);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Unplugs every simulated board (so the next test finds empty slots).</summary>
    public async Task UnplugAllAsync()
    {
        using var engineer = await AsAsync("engineer");
        foreach (var slot in Runtime.Engine.Slots)
        {
            var response = await engineer.DeleteAsync($"/api/sim/slots/{Uri.EscapeDataString(slot.Name)}/board", TestTimeouts.Unexpected);
            Assert.True(response.StatusCode is System.Net.HttpStatusCode.NoContent or System.Net.HttpStatusCode.NotFound);
        }
    }

    /// <summary>Waits (event-driven, bounded) until run <paramref name="runId"/> has ended and returns its result.</summary>
    public async Task<RunResult?> WaitForEndAsync(Guid runId)
    {
        var ended = new TaskCompletionSource<RunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnCompleted(object? sender, RunResult result)
        {
            if (result.RunId == runId)
            {
                ended.TrySetResult(result);
            }
        }

        Runtime.Engine.RunCompleted += OnCompleted;
        try
        {
            if (Runtime.Engine.Slots.All(s => Runtime.Engine.CurrentRun(s.Name) != runId) && Board.FindRun(runId)?.Result is not null)
            {
                return null;
            }

            return await ended.Task.WaitAsync(TestTimeouts.Unexpected);
        }
        finally
        {
            Runtime.Engine.RunCompleted -= OnCompleted;
        }
    }

    /// <summary>Waits until the next run on <paramref name="slot"/> ends (subscribe before causing it).</summary>
    public Task<RunResult> NextRunEndAsync(string slot)
    {
        var ended = new TaskCompletionSource<RunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnCompleted(object? sender, RunResult result)
        {
            if (result.Slot == slot && ended.TrySetResult(result))
            {
                Runtime.Engine.RunCompleted -= OnCompleted;
            }
        }

        Runtime.Engine.RunCompleted += OnCompleted;
        return ended.Task.WaitAsync(TestTimeouts.Unexpected);
    }

    public static StringContent Json(string text) => new(text, new MediaTypeHeaderValue("application/json"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _keysLock.Dispose();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be open on some systems; the temp folder is cleaned by the OS.
            }
        }
    }
}
