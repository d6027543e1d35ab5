namespace Station.Data.Migrations;

/// <summary>What a migrator run did: the versions it applied now, and the version the database is at.</summary>
public sealed record MigrationResult(IReadOnlyList<int> Applied, int CurrentVersion);
