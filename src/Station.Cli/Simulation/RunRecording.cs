using System.Reflection;
using Microsoft.Extensions.Logging;
using Station.Cli.Commands;
using Station.Cli.Settings;
using Station.Core.Fuses;
using Station.Core.Records;
using Station.Core.Runs;
using Station.Data;
using Station.Data.Migrations;
using Station.Data.Queries;
using Station.Data.Recording;

namespace Station.Cli.Simulation;

/// <summary>
/// <c>station run</c>'s provisioning record: migrates the configured database, starts this
/// station's recorder (journal, then database) and turns the runs' events into records through
/// Core's <see cref="RecordingRunEvents"/>. At the end it waits a while for delivery; what is not
/// delivered by then stays in the journal for the recorder's next start.
/// </summary>
internal sealed class RunRecording : IAsyncDisposable
{
    private readonly RecordWriter _writer;

    private RunRecording(StationSettings settings, MigrationResult migration, RecordWriter writer, StationDbContextFactory databases)
    {
        Settings = settings;
        Migration = migration;
        _writer = writer;
        Events = new RecordingRunEvents(writer);
        UnresolvedFuseIntents = new RecordedFuseIntents(new RecordQueries(databases));
    }

    public StationSettings Settings { get; }

    /// <summary>What the migration at start applied.</summary>
    public MigrationResult Migration { get; }

    /// <summary>The sink the runs publish into.</summary>
    public IRunEvents Events { get; }

    /// <summary>Fuse intents of earlier runs left without a result, which a unit's next run re-reads.</summary>
    public IUnresolvedFuseIntents UnresolvedFuseIntents { get; }

    /// <summary>The station software's version as the records carry it.</summary>
    public static string ToolVersion
    {
        get
        {
            var version = typeof(RunRecording).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return "station-cli " + (plus < 0 ? version : version[..Math.Min(plus + 8, version.Length)]);
        }
    }

    /// <exception cref="CliException">The journal folder is in use by another recorder.</exception>
    public static async Task<RunRecording> StartAsync(StationSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var migration = await DbCommands.CreateMigrator(settings).MigrateAsync(cancellationToken);
        RecordWriter writer;
        var databases = new StationDbContextFactory(settings.Database);
        try
        {
            writer = await RecordWriter.StartAsync(
                new RecordWriterOptions { StationId = settings.StationId, JournalDirectory = settings.JournalDirectory, ToolVersion = ToolVersion },
                databases,
                TimeProvider.System,
                loggerFactory.CreateLogger<RecordWriter>(),
                cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new CliException(
                $"{exception.Message} Is the station service running on this data folder? Give this run its own " +
                $"--{StationSettings.StationIdKey}=… and --{StationSettings.DataDirectoryKey}=… (one recorder per station), or --no-record.",
                ExitCodes.Database);
        }

        return new RunRecording(settings, migration, writer, databases);
    }

    /// <summary>
    /// Waits up to <paramref name="deliveryTimeout"/> for every record to reach the database.
    /// The records are durable (in the journal) either way.
    /// </summary>
    public async Task<RecordingResult> FinishAsync(TimeSpan deliveryTimeout, CancellationToken cancellationToken)
    {
        var durable = await _writer.FlushAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(deliveryTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var delivered = true;
        try
        {
            await _writer.WaitForDeliveryAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            delivered = false;
        }

        var status = _writer.Status;
        return new RecordingResult(durable, status.DeliveredSequence, delivered, _writer.DurableHead, status.LastDeliveryError);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
