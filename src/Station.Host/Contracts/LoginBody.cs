namespace Station.Host.Contracts;

/// <summary>POST /api/auth/login.</summary>
internal sealed record LoginBody(string? UserName, string? Password);
