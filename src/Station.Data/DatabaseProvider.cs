namespace Station.Data;

/// <summary>The database engine (configuration key <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: the default for a single station.</summary>
    Sqlite,

    /// <summary>A central server for a line of stations.</summary>
    Postgres,
}
