namespace Station.Data.Access;

/// <summary>A user or key cannot be created as asked; the message says why.</summary>
public sealed class AccessException(string message, bool isConflict = false) : Exception(message)
{
    /// <summary>The name is taken (the API answers 409 rather than 422).</summary>
    public bool IsConflict { get; } = isConflict;
}
