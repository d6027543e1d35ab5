namespace Station.Host.Contracts;

/// <summary>POST /api/admin/users.</summary>
internal sealed record CreateUserBody(string? UserName, string? Password, IReadOnlyList<string>? Roles);
