using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// A non-blocking device file descriptor (hidraw, tty, pty master, netlink socket) registered
/// with the <see cref="LinuxPoller"/>. Every operation first tries the system call; only when it
/// would block does it wait for readiness. The synchronous attempt allocates nothing.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class LinuxFileDescriptor : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly LinuxPollRegistration _registration;
    private int _disposed;

    /// <summary>Takes ownership of <paramref name="handle"/>, which must have O_NONBLOCK set.</summary>
    public LinuxFileDescriptor(SafeFileHandle handle, string deviceAddress)
    {
        _handle = handle;
        DeviceAddress = deviceAddress;
        try
        {
            _registration = LinuxPoller.Shared.Register(handle);
        }
        catch (IOException exception)
        {
            handle.Dispose();
            throw new DeviceTransportException(deviceAddress, $"Cannot wait on {deviceAddress}: {exception.Message}", exception);
        }
    }

    public string DeviceAddress { get; }

    public SafeFileHandle Handle => _handle;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>One read without waiting: the byte count, or -1 when nothing is there yet.</summary>
    /// <exception cref="DeviceException">The read failed or hit end of file.</exception>
    public unsafe int TryRead(Span<byte> buffer, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        while (true)
        {
            nint count;
            fixed (byte* pointer = buffer)
            {
                count = LinuxLibc.Read(_handle, pointer, buffer.Length);
            }

            if (count > 0)
            {
                return (int)count;
            }

            if (count == 0)
            {
                throw LinuxErrno.EndOfFile(DeviceAddress, "Read");
            }

            var errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case LinuxLibc.EIntr:
                    continue;
                case LinuxLibc.EAgain:
                    return -1;
                case LinuxLibc.EBadF when IsDisposed:
                    throw new ObjectDisposedException(DeviceAddress);
                default:
                    throw LinuxErrno.ToException(errno, DeviceAddress, "Read", timeout);
            }
        }
    }

    /// <summary>Reads at least one byte, waiting for input; the token carries timeout and cancellation.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sequence = _registration.ReadSequence;
            var count = TryRead(buffer.Span, timeout);
            if (count >= 0)
            {
                return count;
            }

            await _registration.WaitReadableAsync(sequence, cancellationToken);
        }
    }

    /// <summary>One write without waiting: the bytes taken (possibly fewer than offered), or -1 when none fit.</summary>
    /// <exception cref="DeviceException">The write failed.</exception>
    public unsafe int TryWrite(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        while (true)
        {
            nint count;
            fixed (byte* pointer = data)
            {
                count = LinuxLibc.Write(_handle, pointer, data.Length);
            }

            if (count >= 0)
            {
                return (int)count;
            }

            var errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case LinuxLibc.EIntr:
                    continue;
                case LinuxLibc.EAgain:
                    return -1;
                case LinuxLibc.EBadF when IsDisposed:
                    throw new ObjectDisposedException(DeviceAddress);
                default:
                    throw LinuxErrno.ToException(errno, DeviceAddress, "Write", timeout);
            }
        }
    }

    /// <summary>Writes all of <paramref name="data"/>, waiting for output space as needed.</summary>
    public async ValueTask WriteAllAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (data.Length > 0)
        {
            var sequence = _registration.WriteSequence;
            var count = TryWrite(data.Span, timeout);
            if (count >= 0)
            {
                data = data[count..];
                continue;
            }

            await _registration.WaitWritableAsync(sequence, cancellationToken);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _registration.Dispose();
        _handle.Dispose();
    }
}
