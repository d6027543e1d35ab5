using Microsoft.Extensions.Logging;
using Station.Core.Devices;
using Station.Core.Recipes;

namespace Station.Core.Runs;

/// <summary>
/// Runs units on every slot at once, one run per slot. Directed mode: a caller starts a run on a
/// slot with a serial number (<see cref="TryStart"/>). Auto mode: a board appearing in ROM mode on
/// an idle slot starts a run with the active recipe. After a run, a slot re-arms for auto mode only
/// once its board has been gone for <see cref="RearmAfterAbsence"/>, because a provisioned board
/// that resets back into the ROM re-enumerates within a second and must not be provisioned again.
/// </summary>
public sealed partial class StationEngine
{
    private readonly RunEnvironment _environment;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SlotRun> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset?> _doneAwaitingRemoval = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an engine over <paramref name="environment"/>'s slots.</summary>
    public StationEngine(RunEnvironment environment)
    {
        _environment = environment;
        _logger = environment.LoggerFactory.CreateLogger<StationEngine>();
        environment.Monitor.SlotChanged += OnSlotChanged;
    }

    /// <summary>Raised when a run ends (on the run's task).</summary>
    public event EventHandler<RunResult>? RunCompleted;

    /// <summary>The recipe auto mode uses; null keeps auto mode idle.</summary>
    public RecipePlan? ActiveRecipe { get; set; }

    /// <summary>Start a run when a board appears in ROM mode on an idle slot.</summary>
    public bool AutoMode { get; set; }

    /// <summary>The fuse-burn approval auto-mode runs carry (the active recipe's, when approved).</summary>
    public FuseBurnApproval? ActiveApproval { get; set; }

    /// <summary>How long a finished slot's board must be gone before auto mode provisions the slot again.</summary>
    public TimeSpan RearmAfterAbsence { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The slots.</summary>
    public IReadOnlyList<SlotDefinition> Slots => _environment.Monitor.Slots;

    /// <summary>The run in progress on a slot, if any.</summary>
    public Guid? CurrentRun(string slot)
    {
        lock (_lock)
        {
            return _running.TryGetValue(slot, out var run) ? run.Run.RunId : null;
        }
    }

    /// <summary>
    /// Starts a run unless the slot is busy (then null). The run's completion task ends with its
    /// result and never faults.
    /// </summary>
    public StartedRun? TryStart(RunRequest request)
    {
        var run = new UnitRun(_environment, request);
        var cancellation = new CancellationTokenSource();
        lock (_lock)
        {
            if (_running.ContainsKey(request.Slot))
            {
                cancellation.Dispose();
                return null;
            }

            _running[request.Slot] = new SlotRun(run, cancellation);
            _doneAwaitingRemoval.Remove(request.Slot);
        }

        return new StartedRun(run.RunId, RunAndReleaseAsync(request.Slot, run, cancellation));
    }

    /// <summary>Cancels a run in progress; false when no such run is running.</summary>
    public bool Cancel(Guid runId)
    {
        lock (_lock)
        {
            var entry = _running.Values.FirstOrDefault(r => r.Run.RunId == runId);
            entry?.Cancellation.Cancel();
            return entry is not null;
        }
    }

    private async Task<RunResult> RunAndReleaseAsync(string slot, UnitRun run, CancellationTokenSource cancellation)
    {
        await Task.Yield();
        var result = await run.RunAsync(cancellation.Token);
        lock (_lock)
        {
            _running.Remove(slot);
            _doneAwaitingRemoval[slot] = null;
        }

        cancellation.Dispose();
        Log.RunCompleted(_logger, result.RunId, slot, result.Outcome);
        RunCompleted?.Invoke(this, result);
        return result;
    }

    private void OnSlotChanged(object? sender, SlotChange change)
    {
        var slot = change.Slot.Name;
        var now = _environment.TimeProvider.GetUtcNow();
        RecipePlan? recipe;
        lock (_lock)
        {
            if (change.Arrived is null)
            {
                if (_doneAwaitingRemoval.ContainsKey(slot))
                {
                    _doneAwaitingRemoval[slot] = now;
                }

                return;
            }

            if (!AutoMode || change.Arrived.Mode != BoardMode.Rom || _running.ContainsKey(slot))
            {
                return;
            }

            if (_doneAwaitingRemoval.TryGetValue(slot, out var goneSince)
                && (goneSince is null || now - goneSince.Value < RearmAfterAbsence))
            {
                // The board that was just provisioned, back in the ROM after its reset.
                return;
            }

            recipe = ActiveRecipe;
        }

        if (recipe is not null)
        {
            TryStart(new RunRequest(slot, recipe, null, "auto", ActiveApproval));
        }
    }

    private sealed record SlotRun(UnitRun Run, CancellationTokenSource Cancellation);

    private static partial class Log
    {
        [LoggerMessage(2010, LogLevel.Information, "Run {RunId} on {Slot} ended {Outcome}")]
        public static partial void RunCompleted(ILogger logger, Guid runId, string slot, RunOutcome outcome);
    }
}
