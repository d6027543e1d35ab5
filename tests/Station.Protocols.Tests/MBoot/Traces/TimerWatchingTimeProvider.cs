using Station.Testing;

namespace Station.Protocols.Tests.MBoot.Traces;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells a test when a live timer with a given due time
/// exists, so the test advances the clock only once the code under test is really waiting on it.
/// </summary>
internal sealed class TimerWatchingTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _inner = new();
    private readonly Lock _lock = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Created)> _waiters = [];
    private readonly List<WatchedTimer> _live = [];

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public void Advance(TimeSpan delta) => _inner.Advance(delta);

    /// <summary>Completes once a timer created with <paramref name="dueTime"/> is live (not disposed).</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime)
    {
        lock (_lock)
        {
            if (_live.Exists(timer => timer.DueTime == dueTime))
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, waiter));
            return waiter.Task.WaitAsync(TestTimeouts.Unexpected);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, _inner.CreateTimer(callback, state, dueTime, period), dueTime);
        lock (_lock)
        {
            _live.Add(timer);
            foreach (var waiter in _waiters.Where(waiter => waiter.DueTime == dueTime).ToList())
            {
                waiter.Created.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    private void Forget(WatchedTimer timer)
    {
        lock (_lock)
        {
            _live.Remove(timer);
        }
    }

    private sealed class WatchedTimer(TimerWatchingTimeProvider owner, ITimer inner, TimeSpan dueTime) : ITimer
    {
        public TimeSpan DueTime { get; } = dueTime;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            owner.Forget(this);
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            owner.Forget(this);
            return inner.DisposeAsync();
        }
    }
}
