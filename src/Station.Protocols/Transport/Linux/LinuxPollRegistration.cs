using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// One descriptor in the <see cref="LinuxPoller"/>. Edge-triggered readiness is turned into a
/// sequence number per direction: an operation reads the sequence, tries the non-blocking call,
/// and on EAGAIN waits until the sequence moves on. An edge that falls between the attempt and
/// the wait has already moved the sequence, so no wake-up is lost.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class LinuxPollRegistration : IDisposable
{
    private const uint ReadEvents = LinuxLibc.EpollIn | LinuxLibc.EpollPri | LinuxLibc.EpollErr | LinuxLibc.EpollHup | LinuxLibc.EpollRdHup;
    private const uint WriteEvents = LinuxLibc.EpollOut | LinuxLibc.EpollErr | LinuxLibc.EpollHup;

    private readonly LinuxPoller _poller;
    private readonly SafeFileHandle _fd;
    private readonly Lock _lock = new();
    private int _readSequence;
    private int _writeSequence;
    private TaskCompletionSource? _readWaiter;
    private TaskCompletionSource? _writeWaiter;
    private bool _disposed;

    internal LinuxPollRegistration(LinuxPoller poller, ulong id, SafeFileHandle fd)
    {
        _poller = poller;
        Id = id;
        _fd = fd;
    }

    internal ulong Id { get; }

    /// <summary>Read before each read attempt and passed to <see cref="WaitReadableAsync"/>.</summary>
    public int ReadSequence => Volatile.Read(ref _readSequence);

    /// <summary>Read before each write attempt and passed to <see cref="WaitWritableAsync"/>.</summary>
    public int WriteSequence => Volatile.Read(ref _writeSequence);

    /// <summary>Completes when input (or an error, or hang-up) was signalled after <paramref name="observedSequence"/>.</summary>
    public Task WaitReadableAsync(int observedSequence, CancellationToken cancellationToken) =>
        WaitAsync(read: true, observedSequence, cancellationToken);

    /// <summary>Completes when output space (or an error) was signalled after <paramref name="observedSequence"/>.</summary>
    public Task WaitWritableAsync(int observedSequence, CancellationToken cancellationToken) =>
        WaitAsync(read: false, observedSequence, cancellationToken);

    /// <summary>Stops watching and wakes every waiter, so pending operations see the closed descriptor.</summary>
    public void Dispose()
    {
        TaskCompletionSource? readWaiter, writeWaiter;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            (readWaiter, _readWaiter) = (_readWaiter, null);
            (writeWaiter, _writeWaiter) = (_writeWaiter, null);
            _readSequence++;
            _writeSequence++;
        }

        _poller.Unregister(this, _fd);
        readWaiter?.TrySetResult();
        writeWaiter?.TrySetResult();
    }

    internal void OnEvents(uint events)
    {
        TaskCompletionSource? readWaiter = null, writeWaiter = null;
        lock (_lock)
        {
            if ((events & ReadEvents) != 0)
            {
                _readSequence++;
                (readWaiter, _readWaiter) = (_readWaiter, null);
            }

            if ((events & WriteEvents) != 0)
            {
                _writeSequence++;
                (writeWaiter, _writeWaiter) = (_writeWaiter, null);
            }
        }

        readWaiter?.TrySetResult();
        writeWaiter?.TrySetResult();
    }

    private Task WaitAsync(bool read, int observedSequence, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            var current = read ? _readSequence : _writeSequence;
            if (current != observedSequence || _disposed)
            {
                return Task.CompletedTask;
            }

            // A waiter left behind by a cancelled wait is reused; the next edge completes it.
            ref var slot = ref read ? ref _readWaiter : ref _writeWaiter;
            waiter = slot ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }
}
