namespace Station.Host.Contracts;

/// <summary>A recipe version as a run names it.</summary>
internal sealed record RecipeRefDto(string Name, int Version, string? Sha256);
