using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Station.Data.Access;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>
/// The whole role-by-route matrix (docs/API.md): every route with every role and anonymously. A
/// role the route allows never gets 401 or 403; any other role gets 403; anonymous gets 401,
/// except on /healthz and sign-in. A second test proves the table names every mapped route.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixTests.Station station) : IClassFixture<RoleMatrixTests.Station>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [.. AccessRoles.All];
    private static readonly string[] RunControl = ["operator", "mes", "engineer", "admin"];
    private static readonly string[] QaRead = ["qa", "engineer", "admin"];
    private static readonly string[] Engineering = ["engineer", "admin"];
    private static readonly string[] Audit = ["qa", "admin"];
    private static readonly string[] Administration = ["admin"];
    private static readonly string[] AnyoneAtAll = [Anonymous, .. AccessRoles.All];

    /// <summary>Method, path (as called), route pattern (as mapped), body, and who may call it.</summary>
    private static readonly (string Method, string Path, string Pattern, string? Body, string[] Allowed)[] Routes =
    [
        ("POST", "/api/auth/login", "/api/auth/login", "{\"userName\":\"nobody\",\"password\":\"x\"}", AnyoneAtAll),
        ("POST", "/api/auth/logout", "/api/auth/logout", null, Everyone),
        ("GET", "/api/auth/me", "/api/auth/me", null, Everyone),
        ("GET", "/api/slots", "/api/slots", null, Everyone),
        ("POST", "/api/runs", "/api/runs/", "{\"slot\":\"slot 99\",\"recipe\":{\"name\":\"rt1064-sample\",\"version\":1}}", RunControl),
        ("GET", "/api/runs/0193a4b0-0000-7000-8000-000000000000", "/api/runs/{id:guid}", null, Everyone),
        ("POST", "/api/runs/0193a4b0-0000-7000-8000-000000000000/cancel", "/api/runs/{id:guid}/cancel", null, RunControl),
        ("GET", "/api/units", "/api/units/", null, QaRead),
        ("GET", "/api/units/NO-SUCH", "/api/units/{serialOrUid}", null, QaRead),
        ("GET", "/api/units/NO-SUCH/record?format=json", "/api/units/{serialOrUid}/record", null, QaRead),
        ("GET", "/api/recipes", "/api/recipes/", null, Everyone),
        ("GET", "/api/recipes/rt1064-sample/1", "/api/recipes/{name}/{version:int}", null, Everyone),
        ("POST", "/api/recipes", "/api/recipes/", "", Engineering),
        ("POST", "/api/recipes/nope/1/approve", "/api/recipes/{name}/{version:int}/approve", null, Engineering),
        ("POST", "/api/recipes/nope/1/activate", "/api/recipes/{name}/{version:int}/activate", null, Engineering),
        ("GET", "/api/station", "/api/station", null, Everyone),
        ("GET", "/api/stats/cycle-times", "/api/stats/cycle-times", null, Everyone),
        ("GET", "/api/stats/failures", "/api/stats/failures", null, Everyone),
        ("GET", "/api/ledger/verify", "/api/ledger/verify", null, Audit),
        ("GET", "/api/sim/boards", "/api/sim/boards", null, Engineering),
        ("POST", "/api/sim/slots/slot%2099/board", "/api/sim/slots/{slot}/board", "{}", Engineering),
        ("DELETE", "/api/sim/slots/slot%2099/board", "/api/sim/slots/{slot}/board", null, Engineering),
        ("GET", "/api/admin/users", "/api/admin/users", null, Administration),
        ("POST", "/api/admin/users", "/api/admin/users", "{\"userName\":\"\"}", Administration),
        ("GET", "/api/admin/keys", "/api/admin/keys", null, Administration),
        ("POST", "/api/admin/keys", "/api/admin/keys", "{\"name\":\"\"}", Administration),
        ("DELETE", "/api/admin/keys/nope", "/api/admin/keys/{name}", null, Administration),
        ("GET", "/healthz", "/healthz", null, AnyoneAtAll),
        ("GET", "/readyz", "/readyz", null, Everyone),
        ("GET", "/metrics", "/metrics", null, Everyone),
        ("GET", "/openapi/v1.json", "/openapi/{documentName}.json", null, Everyone),
        ("POST", "/hubs/station/negotiate?negotiateVersion=1", "/hubs/station/negotiate", null, Everyone),
    ];

    public sealed class Station() : IDisposable
    {
        public TestStation Host { get; } = new();

        public void Dispose() => Host.Dispose();
    }

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in Routes)
        {
            foreach (var caller in AnyoneAtAll)
            {
                data.Add(route.Method, route.Path, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_EachCaller_GetsExactlyWhatItsRoleAllows(string method, string path, string caller)
    {
        var route = Routes.Single(r => r.Method == method && r.Path == path);
        using var client = caller == Anonymous ? station.Host.Anonymous() : await station.Host.AsAsync(caller);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (route.Body is not null)
        {
            request.Content = new StringContent(route.Body, Encoding.UTF8, path == "/api/recipes" ? "application/yaml" : "application/json");
        }

        var response = await client.SendAsync(request, TestTimeouts.Unexpected);

        if (route.Allowed.Contains(caller))
        {
            Assert.True(
                response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) || path == "/api/auth/login",
                $"{caller} should be allowed {method} {path} but got {(int)response.StatusCode}");
        }
        else
        {
            Assert.Equal(caller == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
            if (caller == Anonymous || !path.StartsWith("/hubs", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public void RoleMatrix_NamesEveryMappedRoute()
    {
        var mapped = station.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains("{*path", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .Where(r => !r.Contains(" /hubs/", StringComparison.Ordinal))
            .ToHashSet();
        var table = Routes.Where(r => !r.Path.StartsWith("/hubs/", StringComparison.Ordinal)).Select(r => $"{r.Method} {Normalize(r.Pattern)}").ToHashSet();

        Assert.Empty(mapped.Except(table));
        Assert.Empty(table.Except(mapped));
    }

    private static string Normalize(string pattern) => "/" + pattern.Trim('/');
}
