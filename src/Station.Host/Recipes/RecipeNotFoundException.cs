namespace Station.Host.Recipes;

/// <summary>No such recipe version is stored.</summary>
internal sealed class RecipeNotFoundException(string message) : Exception(message);
