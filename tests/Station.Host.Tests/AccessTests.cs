using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>People sign in with a cookie, machines use hashed API keys; the admin makes both; keys can be revoked; no secret reaches the log.</summary>
public sealed class AccessTests(AccessTests.Station station) : IClassFixture<AccessTests.Station>
{
    public sealed class Station() : IDisposable
    {
        public TestStation Host { get; } = new();

        public void Dispose() => Host.Dispose();
    }

    private TestStation Host => station.Host;

    [Fact]
    public async Task SignIn_UserMadeByAdmin_CookieSessionUntilSignOut()
    {
        using var admin = await Host.AsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "ana", password = "correct horse", roles = new[] { "operator", "qa" } }, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "ana", password = "another one", roles = new[] { "qa" } }, TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "bo", password = "secret1", roles = new[] { "boss" } }, TestTimeouts.Unexpected)).StatusCode);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users", TestTimeouts.Unexpected);
        Assert.DoesNotContain("pbkdf2", users.ToString(), StringComparison.Ordinal);

        using var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var wrong = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "ana", password = "wrong horse" }, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me", TestTimeouts.Unexpected)).StatusCode);

        var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "ana", password = "correct horse" }, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/auth/me", TestTimeouts.Unexpected);
        Assert.Equal("ana", me.GetProperty("name").GetString());
        Assert.Equal(["operator", "qa"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/units", TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/admin/users", TestTimeouts.Unexpected)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/auth/logout", null, TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me", TestTimeouts.Unexpected)).StatusCode);
    }

    [Fact]
    public async Task ApiKey_CreatedThenRevoked_WorksThenIsRefused()
    {
        using var admin = await Host.AsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/admin/keys", new { name = "mes-line-1", roles = new[] { "mes" } }, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("key").GetString()!;
        Assert.StartsWith("stk_", key, StringComparison.Ordinal);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/keys", TestTimeouts.Unexpected);
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);
        Assert.Contains(listed.EnumerateArray(), k => k.GetProperty("name").GetString() == "mes-line-1" && k.GetProperty("key").ValueKind == JsonValueKind.Null);

        using var mes = Host.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await mes.GetAsync("/api/slots", TestTimeouts.Unexpected)).StatusCode);
        using var bearer = Host.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/metrics", TestTimeouts.Unexpected)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/keys/mes-line-1", TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mes.GetAsync("/api/slots", TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/admin/keys/mes-line-1", TestTimeouts.Unexpected)).StatusCode);
        using var forged = Host.WithKey("stk_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/slots", TestTimeouts.Unexpected)).StatusCode);
    }

    [Fact]
    public async Task Logs_AfterKeysAndSignIns_HoldNoSecret()
    {
        using var admin = await Host.AsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/admin/keys", new { name = "log-check", roles = new[] { "qa" } }, TestTimeouts.Unexpected);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("key").GetString()!;
        using var qa = Host.WithKey(key);
        await qa.GetAsync("/api/units", TestTimeouts.Unexpected);
        await admin.PostAsJsonAsync("/api/admin/users", new { userName = "logcheck", password = "hunter2-secret", roles = new[] { "qa" } }, TestTimeouts.Unexpected);
        using var browser = Host.CreateClient();
        await browser.PostAsJsonAsync("/api/auth/login", new { userName = "logcheck", password = "hunter2-secret" }, TestTimeouts.Unexpected);
        await browser.PostAsJsonAsync("/api/auth/login", new { userName = "logcheck", password = "wrong-secret" }, TestTimeouts.Unexpected);

        var logs = string.Concat(Directory.GetFiles(Path.Combine(Host.DataDirectory, "logs")).Select(ReadShared));

        Assert.Contains("signed in", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TestStation.AdminKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(key, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", logs, StringComparison.Ordinal);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
