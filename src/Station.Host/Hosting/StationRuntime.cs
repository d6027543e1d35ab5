using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Station.Core.Devices;
using Station.Core.Records;
using Station.Core.Recipes;
using Station.Core.Runs;
using Station.Data;
using Station.Data.Entities;
using Station.Data.Migrations;
using Station.Data.Queries;
using Station.Data.Recording;
using Station.Host.Contracts;
using Station.Host.Hubs;
using Station.Host.Metrics;
using Station.Host.Recipes;
using Station.Host.Runs;
using Station.Host.Security;
using Station.Host.Simulation;

namespace Station.Host.Hosting;

/// <summary>
/// The running station: at start it migrates the database (when configured), bootstraps access,
/// starts the recorder (whose recovery ends runs an earlier process left open), wires the engine to
/// the device monitor with the run events going to the records, the live board and the metrics,
/// loads the active recipe for auto mode and, with simulated boards, plugs them in. At stop it
/// cancels runs in progress, stops watching devices and drains the recorder into its journal.
/// </summary>
internal sealed partial class StationRuntime(
    IOptions<StationOptions> stationOptions,
    IOptions<DevicesOptions> devicesOptions,
    IOptions<DatabaseStartupOptions> databaseStartup,
    DatabaseOptions database,
    HostPaths paths,
    DeviceMonitor monitor,
    SlotBoard board,
    StationMetrics metrics,
    RecipeCatalog recipes,
    DatabaseMigrator migrator,
    IDbContextFactory<StationDbContext> databases,
    HubOutbox outbox,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    IServiceProvider services) : IDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<StationRuntime>();
    private readonly SimulatedBoards? _simulator = services.GetService<SimulatedBoards>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Task> _background = [];
    private StationEngine? _engine;
    private RecordWriter? _writer;
    private Task _monitoring = Task.CompletedTask;
    private RecipeApprovalRecord? _activeApproval;
    private int _stopped;
    private Task? _stop;

    public StationOptions Options => stationOptions.Value;

    public string StationId => stationOptions.Value.Name;

    public StationEngine Engine => _engine ?? throw new InvalidOperationException("The station has not started.");

    public RecordWriter Writer => _writer ?? throw new InvalidOperationException("The station has not started.");

    public bool IsStarted => _engine is not null;

    /// <summary>The device monitor is watching (it stops only with the host, or when the device list fails).</summary>
    public bool IsMonitorRunning => IsStarted && !_monitoring.IsCompleted;

    /// <summary>The simulated boards, in simulator mode.</summary>
    public SimulatedBoards? Simulator => _simulator;

    public static string ToolVersion { get; } = Version();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Log.Starting(_logger, StationId, devicesOptions.Value.Mode, database.Provider.ToString(), paths.Data);
        await PrepareDatabaseAsync(cancellationToken);
        await services.GetRequiredService<AccessBootstrap>().RunAsync(cancellationToken);

        _writer = await RecordWriter.StartAsync(
            new RecordWriterOptions { StationId = StationId, JournalDirectory = paths.Journal, ToolVersion = ToolVersion },
            databases, time, loggerFactory.CreateLogger<RecordWriter>(), cancellationToken);
        Track(LogRecoveryAsync(_writer));
        Track(StoreAutoRequestsAsync());

        var events = new RunEventFanOut(new RecordingRunEvents(_writer), board, metrics);
        var environment = new RunEnvironment(
            monitor,
            new BoardConnector(monitor, loggerFactory, time),
            events,
            (IPowerCycler?)Simulator ?? services.GetService<IPowerCycler>() ?? NoPowerCycler.Instance,
            new SemaphoreSlim(Math.Max(1, Options.ConcurrentFuseBurns)),
            time,
            loggerFactory)
        {
            UnresolvedFuseIntents = new RecordedFuseIntents(new RecordQueries(databases)),
        };
        _engine = new StationEngine(environment) { AutoMode = string.Equals(Options.Mode, "auto", StringComparison.OrdinalIgnoreCase) };
        _engine.RunCompleted += OnRunCompleted;
        board.RunBegan += OnRunBegan;
        board.ShiftChanged += (_, _) => PostStation();
        _monitoring = WatchDevicesAsync(_stopping.Token);

        await LoadRecipesAsync(cancellationToken);
        if (Simulator is { } simulator && devicesOptions.Value.Simulator.PlugAtStart)
        {
            foreach (var slot in simulator.Slots)
            {
                await simulator.PlugAsync(slot, devicesOptions.Value.Simulator.Faults, cancellationToken);
            }
        }
    }

    /// <summary>Stops once; every caller (the host, and Program's run loop when it ends) awaits the same stop.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _stopped = 1;
            return _stop ??= StopCoreAsync(cancellationToken);
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        Log.Stopping(_logger, StationId);
        if (_engine is { } engine)
        {
            engine.AutoMode = false;
            foreach (var slot in engine.Slots)
            {
                if (engine.CurrentRun(slot.Name) is { } runId)
                {
                    engine.Cancel(runId);
                }
            }

            // Runs end quickly once cancelled; their ends are recorded before they report them.
            for (var i = 0; i < 100 && engine.Slots.Any(s => engine.CurrentRun(s.Name) is not null) && !cancellationToken.IsCancellationRequested; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, CancellationToken.None);
            }
        }

        await _stopping.CancelAsync();
        await _monitoring;
        if (Simulator is { } simulator)
        {
            await simulator.DisposeAsync();
        }

        Task[] background;
        lock (_lock)
        {
            background = [.. _background];
        }

        await Task.WhenAll(background);
        if (_writer is { } writer)
        {
            await writer.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            // Disposed without a stop (the host failed to start): end the background work.
            _stopping.Cancel();
        }

        _stopping.Dispose();
    }

    /// <summary>The station as GET /api/station shows it.</summary>
    public StationDto Describe()
    {
        var recipe = _engine?.ActiveRecipe;
        return new StationDto(
            StationId,
            _engine?.AutoMode ?? string.Equals(Options.Mode, "auto", StringComparison.OrdinalIgnoreCase) ? "auto" : "directed",
            recipe is null ? null : new ActiveRecipeDto(recipe.Name, recipe.Version, _activeApproval is not null),
            board.Shift(),
            devicesOptions.Value.IsSimulator ? "simulator" : "usb");
    }

    /// <summary>Makes a stored version the active recipe of auto mode.</summary>
    public async Task ActivateAsync(string name, int version, string activatedBy, CancellationToken cancellationToken)
    {
        var plan = await recipes.ActivateAsync(name, version, activatedBy, cancellationToken);
        var approval = await recipes.ApprovalAsync(name, version, cancellationToken);
        SetActive(plan, approval);
    }

    /// <summary>After an approval: the active recipe's runs carry it from now on.</summary>
    public async Task ApprovalChangedAsync(string name, int version, CancellationToken cancellationToken)
    {
        if (_engine?.ActiveRecipe is { } active && active.Name == name && active.Version == version)
        {
            SetActive(active, await recipes.ApprovalAsync(name, version, cancellationToken));
        }
    }

    /// <summary>
    /// A fresh board was plugged in on purpose (simulated boards): in auto mode start its run now,
    /// even if the slot's previous board left less than the engine's re-arm time ago.
    /// </summary>
    public async Task StartAutoRunAsync(SlotDefinition slot, CancellationToken cancellationToken)
    {
        var engine = Engine;
        if (!engine.AutoMode || engine.ActiveRecipe is not { } recipe || engine.CurrentRun(slot.Name) is not null)
        {
            return;
        }

        try
        {
            await monitor.WaitForAsync(slot.Name, BoardMode.Rom, recipe.Policy.StageTimeout, cancellationToken);
        }
        catch (StageTimeoutException)
        {
            return;
        }

        engine.TryStart(new RunRequest(slot.Name, recipe, null, "auto", engine.ActiveApproval));
    }

    private void SetActive(RecipePlan plan, RecipeApprovalRecord? approval)
    {
        _activeApproval = approval;
        Engine.ActiveApproval = approval is null ? null : RecipeCatalog.ToFuseApproval(approval);
        Engine.ActiveRecipe = plan;
        PostStation();
    }

    private void PostStation() => outbox.Post(new HubMessage("stationChanged", null, Describe()));

    private async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        var migrate = databaseStartup.Value.MigrateOnStartup ?? database.Provider == DatabaseProvider.Sqlite;
        if (migrate)
        {
            var result = await migrator.MigrateAsync(cancellationToken);
            Log.Migrated(_logger, result.Applied.Count, result.CurrentVersion);
            return;
        }

        var applied = await migrator.GetAppliedAsync(cancellationToken);
        var current = applied.Count == 0 ? 0 : applied.Max(a => a.Version);
        if (current != migrator.LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}; this build needs {migrator.LatestVersion}. "
                + "Run `station db migrate` (or set Database:MigrateOnStartup=true) and start again.");
        }

        Log.MigrationSkipped(_logger, current);
    }

    private async Task LoadRecipesAsync(CancellationToken cancellationToken)
    {
        var active = await recipes.ActiveAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Options.DefaultRecipe))
        {
            active = await ImportDefaultRecipeAsync(active, cancellationToken) ?? active;
        }

        if (active is not { } current)
        {
            return;
        }

        try
        {
            var plan = await recipes.LoadPlanAsync(current.Name, current.Version, cancellationToken);
            SetActive(plan, await recipes.ApprovalAsync(current.Name, current.Version, cancellationToken));
        }
        catch (Exception exception) when (exception is RecipeValidationException or RecipeNotFoundException)
        {
            Log.ActiveRecipeUnusable(_logger, current.Name, current.Version, exception.Message);
        }
    }

    private async Task<(string Name, int Version)?> ImportDefaultRecipeAsync((string Name, int Version)? active, CancellationToken cancellationToken)
    {
        var file = Path.Combine(paths.Recipes, Options.DefaultRecipe);
        try
        {
            var (summary, created) = await recipes.AddAsync(await File.ReadAllBytesAsync(file, cancellationToken), "configuration", cancellationToken);
            if (created)
            {
                Log.DefaultRecipeImported(_logger, summary.Name, summary.Version, file);
            }

            if (!string.IsNullOrWhiteSpace(Options.ApproveDefaultRecipeAs))
            {
                await recipes.ApproveAsync(summary.Name, summary.Version, $"{Options.ApproveDefaultRecipeAs} (start-up configuration)", cancellationToken);
            }

            if (active is null)
            {
                await recipes.ActivateAsync(summary.Name, summary.Version, "configuration", cancellationToken);
                return (summary.Name, summary.Version);
            }
        }
        catch (Exception exception) when (exception is IOException or RecipeValidationException or RecipeConflictException)
        {
            Log.DefaultRecipeRejected(_logger, file, exception.Message);
        }

        return null;
    }

    private async Task WatchDevicesAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await monitor.RunAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            Log.DeviceMonitorFailed(_logger, exception);
        }
    }

    private async Task LogRecoveryAsync(RecordWriter writer)
    {
        try
        {
            var report = await writer.Recovery.WaitAsync(_stopping.Token);
            Log.Recovery(_logger, report.InterruptedRuns.Count, report.UnresolvedFuseIntents);
            foreach (var run in report.InterruptedRuns)
            {
                Log.InterruptedRun(_logger, run.RunId, run.Slot, run.ChipUid ?? "unknown", run.UnresolvedFuseIntents.Count);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception)
        {
            Log.RecoveryFailed(_logger, exception);
        }
    }

    private void OnRunBegan(object? sender, RunStarted started)
    {
        if (started.Operator != "auto")
        {
            return;
        }

        var approval = _activeApproval;
        board.Annotate(started.RunId, "auto", approval?.ApprovedBy);
        QueueRunRequest(new RunRequestRecord
        {
            RunId = started.RunId,
            StationId = StationId,
            Slot = started.Slot,
            RequestedBy = "auto",
            Operator = started.Operator,
            RecipeName = started.RecipeName,
            RecipeVersion = started.RecipeVersion,
            ApprovalId = approval?.ApprovalId,
            ApprovedBy = approval?.ApprovedBy,
            RequestedAt = started.At.UtcDateTime,
        });
    }

    private void OnRunCompleted(object? sender, RunResult result)
    {
        var replug = devicesOptions.Value.Simulator.ReplugAfter;
        if (Simulator is { } simulator && replug > TimeSpan.Zero && simulator.Slots.FirstOrDefault(s => s.Name == result.Slot) is { } slot)
        {
            Track(ReplugAsync(simulator, slot, replug));
        }
    }

    private async Task ReplugAsync(SimulatedBoards simulator, SlotDefinition slot, TimeSpan after)
    {
        try
        {
            await Task.Delay(after, time, _stopping.Token);
            await simulator.UnplugAsync(slot, _stopping.Token);
            await simulator.PlugAsync(slot, devicesOptions.Value.Simulator.Faults, _stopping.Token);
            await StartAutoRunAsync(slot, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException)
        {
            // Someone plugged a board meanwhile (the /api/sim routes): leave it.
        }
    }

    private void Track(Task task)
    {
        lock (_lock)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(task);
        }
    }

    private static string Version()
    {
        var version = typeof(StationRuntime).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return "station-host " + (version.Length > 40 ? version[..40] : version);
    }
}
