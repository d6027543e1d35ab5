using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Cli.Settings;
using Station.Data.Migrations;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station db migrate|status</c>: brings the configured database to this build's schema
/// (Station.Data's <see cref="DatabaseMigrator"/>, db/ scripts) and shows what is applied. The
/// explicit way to migrate (STYLE 4.10); the host migrates at start only when told to.
/// </summary>
internal static class DbCommands
{
    public static Command Create() => new("db", "The station database: apply the schema migrations, show their state.")
    {
        MigrateCommand(),
        StatusCommand(),
    };

    private static Command MigrateCommand()
    {
        var target = new Option<int?>("--target") { Description = "Stop at this version (default: the latest this build carries)." };
        var command = SettingsCommandLine.AcceptSettings(new Command("migrate", "Apply the pending migrations (db/<provider>/NNNN_name.sql) to the configured database.")
        {
            target,
        });
        command.SetAction((parseResult, cancellationToken) => SettingsCommandLine.RunAsync(parseResult, async settings =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var migrator = CreateMigrator(settings);
            var version = parseResult.GetValue(target) ?? migrator.LatestVersion;
            if (version < 1 || version > migrator.LatestVersion)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--target: this build carries versions 1 to {migrator.LatestVersion}."), ExitCodes.Usage);
            }

            await output.WriteLineAsync($"Database: {settings.DescribeDatabase()}");
            var result = await migrator.MigrateAsync(version, cancellationToken);
            foreach (var applied in result.Applied)
            {
                await output.WriteLineAsync($"Applied {Name(migrator, applied)}");
            }

            await output.WriteLineAsync(result.Applied.Count == 0
                ? $"Nothing to apply: the database is at version {result.CurrentVersion}{Latest(migrator, result.CurrentVersion)}."
                : $"The database is at version {result.CurrentVersion}{Latest(migrator, result.CurrentVersion)}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command StatusCommand()
    {
        var command = SettingsCommandLine.AcceptSettings(new Command("status", "List the applied and pending migrations of the configured database (exit 1 when some are pending)."));
        command.SetAction((parseResult, cancellationToken) => SettingsCommandLine.RunAsync(parseResult, async settings =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var migrator = CreateMigrator(settings);
            await output.WriteLineAsync($"Database: {settings.DescribeDatabase()}");
            var applied = await migrator.GetAppliedAsync(cancellationToken);
            foreach (var row in applied.OrderBy(a => a.Version))
            {
                var known = migrator.Scripts.FirstOrDefault(s => s.Version == row.Version);
                var note = known is null ? "  (unknown to this build: migrated by a newer Station)"
                    : !string.Equals(known.Checksum, row.Checksum, StringComparison.OrdinalIgnoreCase) ? "  (CHANGED since it was applied)"
                    : "";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"applied  {row.Version:D4}_{row.Name}  {row.AppliedAt:yyyy-MM-dd HH:mm:ss}Z{note}"));
            }

            var appliedVersions = applied.Select(a => a.Version).ToHashSet();
            var pending = migrator.Scripts.Where(s => !appliedVersions.Contains(s.Version)).ToList();
            foreach (var script in pending)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pending  {script.Version:D4}_{script.Name}"));
            }

            await output.WriteLineAsync(pending.Count == 0
                ? "Up to date."
                : "Run `station db migrate` to apply the pending migrations.");
            return pending.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary>A migrator for the configured database (its SQLite folder created first).</summary>
    public static DatabaseMigrator CreateMigrator(StationSettings settings)
    {
        settings.EnsureDatabaseFolder();
        return new DatabaseMigrator(settings.Database, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);
    }

    public static string Name(DatabaseMigrator migrator, int version) =>
        migrator.Scripts.FirstOrDefault(s => s.Version == version) is { } script
            ? string.Create(CultureInfo.InvariantCulture, $"{script.Version:D4}_{script.Name}")
            : version.ToString("D4", CultureInfo.InvariantCulture);

    private static string Latest(DatabaseMigrator migrator, int version) =>
        version == migrator.LatestVersion ? " (the latest)" : string.Create(CultureInfo.InvariantCulture, $" (this build's latest is {migrator.LatestVersion})");
}
