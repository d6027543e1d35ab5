using System.Security.Claims;

namespace Station.Host.Security;

/// <summary>How callers appear: people by user name, machines by key name, with their roles.</summary>
internal static class StationClaims
{
    /// <summary>"user" or "key".</summary>
    public const string Kind = "station:kind";

    public static ClaimsPrincipal Create(string name, string kind, IEnumerable<string> roles, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(Kind, kind) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The caller as records name it: <c>user:ana</c>, <c>key:mes-line-1</c>.</summary>
    public static string Who(this ClaimsPrincipal principal) =>
        $"{principal.FindFirstValue(Kind) ?? "user"}:{principal.Identity?.Name ?? "unknown"}";

    public static string DisplayName(this ClaimsPrincipal principal) => principal.Identity?.Name ?? "unknown";

    public static IReadOnlyList<string> RolesOf(this ClaimsPrincipal principal) =>
        [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)];
}
