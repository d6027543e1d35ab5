using Station.Core.Devices;
using Station.Core.Runs;
using Station.Host.Contracts;
using Station.Host.Hubs;

namespace Station.Host.Runs;

/// <summary>
/// The station's live picture: every slot's board, state, run, progress and last result, the runs
/// of this session in detail, and the shift's figures. It is a run-event sink (between the records
/// and the metrics in the fan-out) and listens to the device monitor; every change goes to the hub
/// through <see cref="HubOutbox"/> with the slot's next sequence number (docs/API.md "Ordering"),
/// and progress at most every <see cref="ProgressInterval"/> per slot.
/// </summary>
internal sealed partial class SlotBoard : IRunEvents
{
    /// <summary>About ten progress updates a second per slot.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private const int EndedRunsKept = 500;

    private readonly Lock _lock = new();
    private readonly HubOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly List<SlotLive> _slots;
    private readonly Dictionary<string, SlotLive> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, RunLive> _runs = [];
    private readonly Dictionary<Guid, (string RequestedBy, string? ApprovedBy)> _annotations = [];
    private readonly Queue<Guid> _ended = new();
    private readonly HashSet<string> _unitsSeen = new(StringComparer.Ordinal);
    private int _shiftUnits;
    private int _shiftPassed;
    private int _shiftFirstPassPassed;
    private int _shiftDistinctUnits;
    private DateTimeOffset? _shiftFirstStart;

    public SlotBoard(DeviceMonitor monitor, HubOutbox outbox, TimeProvider time)
    {
        _outbox = outbox;
        _time = time;
        ShiftSince = time.GetUtcNow();
        _slots = [.. monitor.Slots.Select(s => new SlotLive(s) { Board = monitor.Current(s.Name), ChangedAt = ShiftSince })];
        foreach (var slot in _slots)
        {
            _byName[slot.Slot.Name] = slot;
        }

        monitor.SlotChanged += OnSlotChanged;
    }

    /// <summary>Raised (outside the board's lock) when a run ends: the shift's figures changed.</summary>
    public event EventHandler? ShiftChanged;

    /// <summary>Raised (outside the lock) when a run begins, for who-asked-for-it bookkeeping.</summary>
    public event EventHandler<RunStarted>? RunBegan;

    public DateTimeOffset ShiftSince { get; }

    /// <summary>Every slot now, in configuration order, each with its current sequence number.</summary>
    public IReadOnlyList<SlotStateDto> Snapshot()
    {
        lock (_lock)
        {
            return [.. _slots.Select(s => s.ToDto())];
        }
    }

    public SlotStateDto? Slot(string name)
    {
        lock (_lock)
        {
            return _byName.TryGetValue(name, out var slot) ? slot.ToDto() : null;
        }
    }

    /// <summary>A run of this session (running or among the recent ended ones).</summary>
    public RunDetailDto? FindRun(Guid runId)
    {
        lock (_lock)
        {
            return _runs.TryGetValue(runId, out var run) ? run.ToDetail() : null;
        }
    }

    /// <summary>The slot whose run in progress has this serial number, if any.</summary>
    public string? SlotRunningSerial(string serialNumber)
    {
        lock (_lock)
        {
            return _runs.Values.FirstOrDefault(r => r.Result is null && string.Equals(r.Started.SerialNumber, serialNumber, StringComparison.Ordinal))?.Started.Slot;
        }
    }

    /// <summary>True when a run of this session with this serial number passed.</summary>
    public bool SerialPassed(string serialNumber)
    {
        lock (_lock)
        {
            return _runs.Values.Any(r => r.Result?.Outcome == nameof(RunOutcome.Passed) && string.Equals(r.Started.SerialNumber, serialNumber, StringComparison.Ordinal));
        }
    }

    /// <summary>Who asked for a run and who approved its recipe, shown with it (before or after its start event).</summary>
    public void Annotate(Guid runId, string requestedBy, string? approvedBy)
    {
        lock (_lock)
        {
            if (_runs.TryGetValue(runId, out var run))
            {
                run.RequestedBy = requestedBy;
                run.ApprovedBy = approvedBy;
            }
            else
            {
                _annotations[runId] = (requestedBy, approvedBy);
            }
        }
    }

    public ShiftDto Shift()
    {
        lock (_lock)
        {
            var hours = _shiftFirstStart is { } first ? Math.Max((_time.GetUtcNow() - first).TotalHours, 1.0 / 60) : 0;
            return new ShiftDto(
                ShiftSince,
                _shiftUnits,
                _shiftPassed,
                hours > 0 ? Math.Round(_shiftUnits / hours, 1) : 0,
                _shiftUnits > 0 ? Math.Round((double)_shiftPassed / _shiftUnits, 4) : 0,
                _shiftDistinctUnits > 0 ? Math.Round((double)_shiftFirstPassPassed / _shiftDistinctUnits, 4) : 0);
        }
    }

    /// <summary>Sends progress held back by the throttle once its slot's interval has passed (called by the hub sender).</summary>
    public void FlushProgress()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var slot in _slots)
            {
                if (slot.PendingProgress is not null && now - slot.LastProgressSent >= ProgressInterval)
                {
                    SendPendingProgress(slot, now);
                }
            }
        }
    }

    /// <inheritdoc />
    public ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        Publish(runEvent);
        return ValueTask.CompletedTask;
    }

    private void OnSlotChanged(object? sender, SlotChange change)
    {
        lock (_lock)
        {
            if (!_byName.TryGetValue(change.Slot.Name, out var slot))
            {
                return;
            }

            slot.Board = change.Arrived;
            if (slot.RunId is not null && slot.State == "waiting" && change.Arrived is not null)
            {
                slot.State = "running";
            }

            PostSlot(slot);
        }
    }

    private void PostSlot(SlotLive slot)
    {
        slot.Seq++;
        slot.ChangedAt = _time.GetUtcNow();
        _outbox.Post(new HubMessage("slotChanged", slot.Slot.Name, slot.ToDto()));
    }

    private void SendPendingProgress(SlotLive slot, DateTimeOffset now)
    {
        var pending = slot.PendingProgress!;
        slot.PendingProgress = null;
        slot.LastProgressSent = now;
        slot.Seq++;
        _outbox.Post(new HubMessage("runProgress", slot.Slot.Name, pending with { Seq = slot.Seq }));
    }
}
