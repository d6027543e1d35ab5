namespace Station.Simulator.Timing;

/// <summary>
/// Keeps one board's device-bound time: every modelled operation is charged here (the running
/// totals of <see cref="DeviceTime"/>), and, when the scale factor is above 0, pushes a deadline
/// forward that the device waits for before its next read or write. Waiting for an absolute
/// deadline, not for each small charge, keeps the totals right despite timer granularity.
/// </summary>
internal sealed class DevicePacer
{
    // Debts below this are carried forward instead of waited for: timers are not finer anyway.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _scale;
    private readonly TimeSpan[] _totals = new TimeSpan[Enum.GetValues<DeviceTimeCategory>().Length];
    private long _deadline;

    public DevicePacer(TimeProvider timeProvider, double scaleFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scaleFactor);
        _timeProvider = timeProvider;
        _scale = scaleFactor;
        _deadline = timeProvider.GetTimestamp();
    }

    /// <summary>Raised (tests only) when the device starts waiting; the argument is the wait.</summary>
    internal event Action<TimeSpan>? Waiting;

    public TimeProvider TimeProvider => _timeProvider;

    public double ScaleFactor => _scale;

    /// <summary>Counts <paramref name="duration"/> of device time and, when scaled, owes it.</summary>
    public void Charge(DeviceTimeCategory category, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        lock (_lock)
        {
            _totals[(int)category] += duration;
            if (_scale > 0)
            {
                var now = _timeProvider.GetTimestamp();
                var owed = (long)(duration.Ticks * _scale * _timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond);
                _deadline = Math.Max(_deadline, now) + owed;
            }
        }
    }

    /// <summary>Waits until the device has spent the time it owes (nothing when unscaled).</summary>
    public async ValueTask PaceAsync(CancellationToken cancellationToken)
    {
        if (_scale <= 0)
        {
            return;
        }

        TimeSpan remaining;
        lock (_lock)
        {
            remaining = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), _deadline);
        }

        if (remaining < MinimumWait)
        {
            return;
        }

        var delay = Task.Delay(remaining, _timeProvider, cancellationToken);
        Waiting?.Invoke(remaining);
        await delay;
    }

    public DeviceTime Snapshot()
    {
        lock (_lock)
        {
            return new DeviceTime(
                _totals[(int)DeviceTimeCategory.UsbTransfer],
                _totals[(int)DeviceTimeCategory.UartTransfer],
                _totals[(int)DeviceTimeCategory.FlashErase],
                _totals[(int)DeviceTimeCategory.FlashProgram],
                _totals[(int)DeviceTimeCategory.OtpProgram],
                _totals[(int)DeviceTimeCategory.Enumeration]);
        }
    }
}
