namespace Station.Host.Contracts;

/// <summary>A user as listed (never the password hash).</summary>
internal sealed record UserDto(string UserName, IReadOnlyList<string> Roles, bool Disabled, DateTimeOffset CreatedAt, string? CreatedBy);
