namespace Station.Core.Recipes;

/// <summary>A recipe cannot be used; <see cref="Errors"/> lists every problem found, each saying what to change.</summary>
public sealed class RecipeValidationException : Exception
{
    /// <summary>Creates the exception for the recipe at <paramref name="source"/>.</summary>
    public RecipeValidationException(string source, IReadOnlyList<string> errors)
        : base($"Recipe {source} is not valid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", errors)}")
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>The recipe file.</summary>
    public new string Source { get; }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<string> Errors { get; }
}
