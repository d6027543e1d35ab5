namespace Station.Host.Recipes;

/// <summary>A recipe version is stored with other content: the API answers 409.</summary>
internal sealed class RecipeConflictException(string message) : Exception(message);
