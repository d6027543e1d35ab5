namespace Station.Data.Migrations;

/// <summary>
/// The migrator refused to run: an applied script was changed since it was applied, the database
/// is newer than this build, or a script failed. The database is left as it was before the failing
/// script (each script runs in its own transaction).
/// </summary>
public sealed class MigrationException : Exception
{
    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
