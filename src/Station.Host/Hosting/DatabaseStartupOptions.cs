namespace Station.Host.Hosting;

/// <summary>
/// <c>Database:MigrateOnStartup</c>: apply db/ migrations when the host starts. STYLE 4.10 says never
/// silently in production: the host logs every script it applies, the default is true only for
/// SQLite (a single station's own file, where nobody else would run the migration), and a line's
/// PostgreSQL server is migrated by <c>station db migrate</c> unless this is set to true. With it
/// false, the host refuses to start on a database that is not at this build's version.
/// </summary>
public sealed class DatabaseStartupOptions
{
    public bool? MigrateOnStartup { get; set; }
}
