namespace Station.Data.Recording;

/// <summary>
/// The hand-over between callers (USB work) and the journal writer. <see cref="Enqueue"/> never
/// blocks and never drops: the capacity is a high-water mark that sets <see cref="IsOverloaded"/>
/// (cleared again at half of it), not a wall. The only ways to keep a record without waiting are
/// memory or disk, and the disk is exactly what is slow when this queue fills, so past the mark the
/// queue keeps growing in memory and tells Core to stop starting new units (docs/DATA.md).
/// One lock orders everything: records leave in exactly the order they came.
/// </summary>
internal sealed class RecordQueue(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Queue<PendingRecord> _items = new();
    private TaskCompletionSource? _waiter;
    private bool _completed;
    private volatile bool _overloaded;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public bool IsOverloaded => _overloaded;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Adds an item; returns true when this call pushed the queue over its high-water mark.</summary>
    /// <exception cref="ObjectDisposedException">The recorder has stopped.</exception>
    public bool Enqueue(PendingRecord item)
    {
        TaskCompletionSource? waiter;
        var becameOverloaded = false;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_completed, typeof(RecordWriter));
            _items.Enqueue(item);
            if (!_overloaded && _items.Count >= Capacity)
            {
                _overloaded = true;
                becameOverloaded = true;
            }

            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
        return becameOverloaded;
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> items into <paramref name="batch"/>. Returns false when there
    /// are none; <paramref name="overloadCleared"/> says this call brought the queue back under half.
    /// </summary>
    public bool TryTake(List<PendingRecord> batch, int max, out bool overloadCleared)
    {
        overloadCleared = false;
        lock (_lock)
        {
            if (_items.Count == 0)
            {
                return false;
            }

            for (var taken = 0; taken < max && _items.TryDequeue(out var item); taken++)
            {
                batch.Add(item);
            }

            if (_overloaded && _items.Count <= Capacity / 2)
            {
                _overloaded = false;
                overloadCleared = true;
            }

            return true;
        }
    }

    /// <summary>True once <see cref="Complete"/> was called and every item was taken.</summary>
    public bool IsDrained
    {
        get
        {
            lock (_lock)
            {
                return _completed && _items.Count == 0;
            }
        }
    }

    /// <summary>
    /// Completes when an item arrives or the queue is completed. No token on purpose: the writer
    /// loop drains the queue on shutdown, and <see cref="Complete"/> is what ends the wait.
    /// </summary>
    public Task WaitAsync()
    {
        lock (_lock)
        {
            if (_items.Count > 0 || _completed)
            {
                return Task.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }

    /// <summary>No more items; the reader drains what is there.</summary>
    public void Complete()
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            _completed = true;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Takes everything left (used only when the recorder gives up at shutdown).</summary>
    public List<PendingRecord> DrainAll()
    {
        lock (_lock)
        {
            var all = _items.ToList();
            _items.Clear();
            return all;
        }
    }
}
