namespace Station.Simulator.Timing;

/// <summary>
/// Keeps one board's device-bound time: every modelled operation is charged here (the running
/// totals of <see cref="DeviceTime"/>), and, when the scale factor is above 0, pushes a deadline
/// forward that the device waits for before its next read or write. The deadline is an absolute
/// model clock: a timer that wakes late is made up by the next waits (up to
/// <see cref="MaximumLag"/>), so many small waits do not add their overshoot to the run. When the
/// device had to wait for the host (a transport call that did not complete at once), the clock
/// moves to now less the lag it had when it started waiting, so host overhead is not hidden
/// beyond that lag.
/// </summary>
internal sealed class DevicePacer
{
    // Debts below this are carried forward instead of waited for: timers are not finer anyway.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    // How far the model clock may trail real time and still be caught up (timer overshoot).
    private static readonly TimeSpan MaximumLag = TimeSpan.FromMilliseconds(5);

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
                _deadline = Math.Max(_deadline, now - ToTimestamp(MaximumLag)) + ToTimestamp(duration * _scale);
            }
        }
    }

    /// <summary>
    /// Awaits a transport call; when it had to wait (the host was slower than the device), the
    /// model clock restarts from now.
    /// </summary>
    public async ValueTask<T> HostAsync<T>(ValueTask<T> operation)
    {
        if (operation.IsCompleted)
        {
            return await operation;
        }

        var started = _timeProvider.GetTimestamp();
        var result = await operation;
        Resync(started);
        return result;
    }

    /// <inheritdoc cref="HostAsync{T}(ValueTask{T})"/>
    public async ValueTask HostAsync(ValueTask operation)
    {
        if (operation.IsCompleted)
        {
            await operation;
            return;
        }

        var started = _timeProvider.GetTimestamp();
        await operation;
        Resync(started);
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

    /// <summary>
    /// The device waited for the host from <paramref name="started"/> until now. Had the device
    /// not been running late (timer overshoot) when it started waiting, the host would have
    /// answered that much sooner: keep that lag, drop the rest of the wait.
    /// </summary>
    private void Resync(long started)
    {
        if (_scale <= 0)
        {
            return;
        }

        lock (_lock)
        {
            var lag = Math.Clamp(started - _deadline, 0, ToTimestamp(MaximumLag));
            _deadline = Math.Max(_deadline, _timeProvider.GetTimestamp() - lag);
        }
    }

    private long ToTimestamp(TimeSpan duration) =>
        (long)(duration.Ticks * (double)_timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond);

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
