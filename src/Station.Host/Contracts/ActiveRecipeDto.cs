namespace Station.Host.Contracts;

/// <summary>The recipe auto mode uses.</summary>
internal sealed record ActiveRecipeDto(string Name, int Version, bool Approved);
