namespace Station.Host.Contracts;

/// <summary>POST /api/admin/keys.</summary>
internal sealed record CreateKeyBody(string? Name, IReadOnlyList<string>? Roles);
