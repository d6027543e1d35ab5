using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Station.Data.Access;

namespace Station.Host.Security;

/// <summary>
/// Machines authenticate with an API key in <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>, for
/// scrapers such as Prometheus). Keys are looked up by their SHA-256; a found key is cached for a
/// minute, so a database hiccup does not lock the MES out and a revocation takes effect within it.
/// The key itself is never logged.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessStore access, ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key a request carries, if any.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key) && !string.IsNullOrEmpty(key))
        {
            return key.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = KeyOf(Request);
        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }

        var record = cache.Find(secret, TimeProvider.GetUtcNow());
        if (record is null)
        {
            record = await access.FindApiKeyAsync(secret, Context.RequestAborted);
            if (record is null)
            {
                Log.KeyRejected(Logger, Request.Path);
                return AuthenticateResult.Fail("Unknown or revoked API key.");
            }

            cache.Add(secret, record, TimeProvider.GetUtcNow());
        }

        var principal = StationClaims.Create(record.Name, "key", record.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
