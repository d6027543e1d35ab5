namespace Station.Host.Contracts;

/// <summary>An API key as listed; <c>key</c> (the secret) only in the answer that created it.</summary>
internal sealed record ApiKeyDto(
    string Name, IReadOnlyList<string> Roles, string Prefix, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? Key = null);
