namespace Station.Host.Contracts;

/// <summary>POST /api/runs.</summary>
internal sealed record StartRunBody(string? Slot, RecipeRefBody? Recipe, string? SerialNumber, string? Operator, bool Rework);
