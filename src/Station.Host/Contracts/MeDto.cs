namespace Station.Host.Contracts;

/// <summary>Who is signed in (or which key calls) and their roles.</summary>
internal sealed record MeDto(string Name, IReadOnlyList<string> Roles);
