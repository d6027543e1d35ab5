namespace Station.Host.Contracts;

/// <summary>The recipe version a run request names.</summary>
internal sealed record RecipeRefBody(string? Name, int Version);
