namespace Station.Data.Migrations;

/// <summary>A row of the schema_migrations table.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTime AppliedAt);
