namespace Station.Data;

/// <summary>The database settings are missing or invalid; <see cref="Errors"/> lists every problem.</summary>
public sealed class DatabaseConfigurationException : Exception
{
    public DatabaseConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid database settings: " + string.Join(" ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
