using Microsoft.AspNetCore.Http.HttpResults;
using Station.Data.Access;
using Station.Data.Entities;
using Station.Host.Contracts;
using Station.Host.Security;

namespace Station.Host.Api;

/// <summary>People and machine keys (admin): list and create users, list, create and revoke API keys.</summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(StationPolicies.Administration);
        admin.MapGet("/users", UsersAsync);
        admin.MapPost("/users", CreateUserAsync).WithMetadata(BodyLimit.Json);
        admin.MapGet("/keys", KeysAsync);
        admin.MapPost("/keys", CreateKeyAsync).WithMetadata(BodyLimit.Json);
        admin.MapDelete("/keys/{name}", RevokeKeyAsync);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<UserDto>>> UsersAsync(AccessStore access, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<UserDto>>([.. (await access.ListUsersAsync(cancellationToken)).Select(User)]);

    public static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateUserAsync(
        CreateUserBody body, HttpContext context, AccessStore access, CancellationToken cancellationToken)
    {
        try
        {
            var user = await access.CreateUserAsync(body.UserName ?? "", body.Password ?? "", string.Join(',', body.Roles ?? []), context.User.Who(), cancellationToken);
            return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(user.UserName)}", User(user));
        }
        catch (AccessException exception)
        {
            return exception.IsConflict
                ? Problems.Conflict(exception.Message)
                : Problems.Unprocessable(exception.Message, new Dictionary<string, string[]> { ["user"] = [exception.Message] });
        }
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyDto>>> KeysAsync(AccessStore access, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyDto>>([.. (await access.ListApiKeysAsync(cancellationToken)).Select(k => Key(k, null))]);

    /// <summary>The answer holds the key itself, this once; only its hash is stored.</summary>
    public static async Task<Results<Created<ApiKeyDto>, ProblemHttpResult>> CreateKeyAsync(
        CreateKeyBody body, HttpContext context, AccessStore access, CancellationToken cancellationToken)
    {
        try
        {
            var key = await access.CreateApiKeyAsync(body.Name ?? "", string.Join(',', body.Roles ?? []), context.User.Who(), cancellationToken);
            return TypedResults.Created($"/api/admin/keys/{Uri.EscapeDataString(key.Record.Name)}", Key(key.Record, key.Secret));
        }
        catch (AccessException exception)
        {
            return exception.IsConflict
                ? Problems.Conflict(exception.Message)
                : Problems.Unprocessable(exception.Message, new Dictionary<string, string[]> { ["key"] = [exception.Message] });
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        string name, AccessStore access, ApiKeyCache cache, CancellationToken cancellationToken)
    {
        if (!await access.RevokeApiKeyAsync(name, cancellationToken))
        {
            return Problems.NotFound($"There is no active API key named '{name}'.");
        }

        cache.Clear();
        return TypedResults.NoContent();
    }

    private static UserDto User(UserRecord user) => new(
        user.UserName, user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), user.Disabled, Runs.RunRecords.Utc(user.CreatedAt), user.CreatedBy);

    private static ApiKeyDto Key(ApiKeyRecord key, string? secret) => new(
        key.Name, key.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), key.Prefix, Runs.RunRecords.Utc(key.CreatedAt), key.CreatedBy,
        key.RevokedAt is { } revoked ? Runs.RunRecords.Utc(revoked) : null, secret);
}
