namespace Station.Data.Recording;

/// <summary>An auto-reset signal for one waiting loop: <see cref="Set"/> wakes it (or the next wait).</summary>
internal sealed class AsyncSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _set;

    public void Set()
    {
        TaskCompletionSource current;
        lock (_lock)
        {
            _set = true;
            current = _current;
        }

        current.TrySetResult();
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_lock)
        {
            if (_set)
            {
                _set = false;
                _current = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return;
            }

            task = _current.Task;
        }

        await task.WaitAsync(cancellationToken);
        lock (_lock)
        {
            _set = false;
            if (_current.Task.IsCompleted)
            {
                _current = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>
    /// Waits until <see cref="Set"/> or until <paramref name="other"/> completes, whichever is first
    /// (without throwing when <paramref name="other"/> is cancelled); true when the signal woke it.
    /// </summary>
    public async Task<bool> WaitAsync(Task other)
    {
        Task task;
        lock (_lock)
        {
            if (_set)
            {
                _set = false;
                _current = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return true;
            }

            task = _current.Task;
        }

        if (await Task.WhenAny(task, other) != task)
        {
            return false;
        }

        lock (_lock)
        {
            _set = false;
            if (_current.Task.IsCompleted)
            {
                _current = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return true;
    }
}
