using Station.Protocols.Transport;

namespace Station.Core.Devices;

/// <summary>
/// Turns hot-plug events into slot events: "board appeared on slot 3 in ROM mode", "flashloader
/// appeared on slot 3", "board left slot 3". A board is followed across re-enumeration by its
/// port path, and a run continues the moment the next stage appears (<c>WaitForAsync</c>),
/// with no fixed waits. Devices on ports that are not slots are ignored.
/// </summary>
public sealed class DeviceMonitor
{
    private static readonly HashSet<ushort> RomProductIds = [.. DeviceFamily.All.Select(f => f.RomProductId), 0x013D];

    private readonly IHidDeviceList _devices;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, SlotState> _byPortPath;
    private readonly Dictionary<string, SlotState> _byName;
    private readonly Lock _lock = new();

    /// <summary>Creates a monitor of <paramref name="slots"/> on <paramref name="devices"/>.</summary>
    public DeviceMonitor(IHidDeviceList devices, IReadOnlyList<SlotDefinition> slots, TimeProvider timeProvider)
    {
        _devices = devices;
        _timeProvider = timeProvider;
        Slots = slots;
        var states = slots.Select(s => new SlotState(s)).ToList();
        _byPortPath = states.ToDictionary(s => s.Slot.PortPath, StringComparer.OrdinalIgnoreCase);
        _byName = states.ToDictionary(s => s.Slot.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Raised, on the monitor's task, for every arrival and removal on a slot.</summary>
    public event EventHandler<SlotChange>? SlotChanged;

    /// <summary>The configured slots.</summary>
    public IReadOnlyList<SlotDefinition> Slots { get; }

    /// <summary>The device list the monitor watches (to open what it reports).</summary>
    public IHidDeviceList Devices => _devices;

    /// <summary>Watches the device list until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in _devices.WatchAsync(cancellationToken))
            {
                Apply(change);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The board on <paramref name="slotName"/> now, or null.</summary>
    public BoardPresence? Current(string slotName)
    {
        lock (_lock)
        {
            return Find(slotName).Current;
        }
    }

    /// <summary>
    /// Completes as soon as a board in <paramref name="mode"/> (or in any mode, when null) is on the
    /// slot: at once if it is there already, else when it arrives.
    /// </summary>
    /// <exception cref="StageTimeoutException">Nothing appeared within <paramref name="timeout"/>.</exception>
    public Task<BoardPresence> WaitForAsync(string slotName, BoardMode? mode, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForAsync(slotName, mode, 0, timeout, cancellationToken);

    /// <summary>
    /// As <see cref="WaitForAsync(string, BoardMode?, TimeSpan, CancellationToken)"/>, but only a
    /// board that arrived after <paramref name="afterGeneration"/> counts: the caller saw that one
    /// disappear and the monitor may not have heard of it yet.
    /// </summary>
    public async Task<BoardPresence> WaitForAsync(string slotName, BoardMode? mode, long afterGeneration, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<BoardPresence>(TaskCreationOptions.RunContinuationsAsynchronously);
        SlotState state;
        lock (_lock)
        {
            state = Find(slotName);
            if (state.Current is { } present && (mode is null || present.Mode == mode) && present.Generation > afterGeneration)
            {
                return present;
            }

            state.Waiters.Add((mode, waiter));
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await waiter.Task.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StageTimeoutException(state.Slot, mode, timeout);
        }
        finally
        {
            lock (_lock)
            {
                state.Waiters.RemoveAll(w => w.Waiter == waiter);
            }
        }
    }

    private void Apply(HidDeviceChange change)
    {
        SlotChange? slotChange;
        lock (_lock)
        {
            if (!_byPortPath.TryGetValue(change.Device.PortPath, out var state))
            {
                return;
            }

            slotChange = change.Kind == HidDeviceChangeKind.Arrived ? Arrive(state, change.Device) : Leave(state, change.Device);
        }

        if (slotChange is not null)
        {
            SlotChanged?.Invoke(this, slotChange);
        }
    }

    private SlotChange? Arrive(SlotState state, HidDeviceInfo device)
    {
        BoardMode mode;
        if (device.VendorId == DeviceFamily.FlashloaderVendorId && device.ProductId == DeviceFamily.FlashloaderProductId)
        {
            mode = BoardMode.Flashloader;
        }
        else if (device.VendorId == DeviceFamily.RomVendorId && RomProductIds.Contains(device.ProductId))
        {
            mode = BoardMode.Rom;
        }
        else
        {
            return null;
        }

        var previous = state.Current;
        state.Current = new BoardPresence(state.Slot, mode, device, _timeProvider.GetUtcNow(), ++state.Generation);
        foreach (var (_, waiter) in state.Waiters.Where(w => w.Mode is null || w.Mode == mode))
        {
            waiter.TrySetResult(state.Current);
        }

        return new SlotChange(state.Slot, state.Current, previous);
    }

    private static SlotChange? Leave(SlotState state, HidDeviceInfo device)
    {
        if (state.Current is not { } present || present.Device.Path != device.Path)
        {
            return null;
        }

        state.Current = null;
        return new SlotChange(state.Slot, null, present);
    }

    private SlotState Find(string slotName) =>
        _byName.TryGetValue(slotName, out var state) ? state : throw new ArgumentException($"There is no slot named '{slotName}'.", nameof(slotName));

    private sealed class SlotState(SlotDefinition slot)
    {
        public SlotDefinition Slot { get; } = slot;

        public BoardPresence? Current { get; set; }

        public long Generation { get; set; }

        public List<(BoardMode? Mode, TaskCompletionSource<BoardPresence> Waiter)> Waiters { get; } = [];
    }
}
