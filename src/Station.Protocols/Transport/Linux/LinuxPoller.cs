using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// One epoll instance and one background thread for every open Linux device of the process, the
/// way .NET's own socket engine waits on sockets. Each file descriptor is registered once,
/// edge-triggered for input and output; a wait completes as soon as the kernel reports readiness,
/// so a report is handed over without polling slices, and a cancelled wait costs nothing.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class LinuxPoller
{
    private const int MaxEventsPerWait = 64;

    private static readonly Lazy<LinuxPoller> SharedInstance = new(() => new LinuxPoller());

    // struct epoll_event is packed (12 bytes) on x86 and x86-64, naturally aligned (16) elsewhere.
    private static readonly bool PackedEvents =
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;

    private static readonly int EventSize = PackedEvents ? 12 : 16;
    private static readonly int EventDataOffset = PackedEvents ? 4 : 8;

    private readonly int _epollFd;
    private readonly ConcurrentDictionary<ulong, LinuxPollRegistration> _registrations = new();
    private long _nextId;

    private LinuxPoller()
    {
        _epollFd = LinuxLibc.EpollCreate1(LinuxLibc.EpollCloExec);
        LinuxLibc.ThrowIfFailed(_epollFd, "epoll_create1");
        var thread = new Thread(Run) { IsBackground = true, Name = "Station.Protocols epoll" };
        thread.Start();
    }

    /// <summary>The process-wide instance, started on first use and alive until the process ends.</summary>
    public static LinuxPoller Shared => SharedInstance.Value;

    /// <summary>Starts watching <paramref name="fd"/> (which must be non-blocking).</summary>
    public LinuxPollRegistration Register(SafeFileHandle fd)
    {
        var id = (ulong)Interlocked.Increment(ref _nextId);
        var registration = new LinuxPollRegistration(this, id, fd);
        _registrations[id] = registration;

        var epollEvent = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(epollEvent, 4),
            LinuxLibc.EpollIn | LinuxLibc.EpollOut | LinuxLibc.EpollRdHup | LinuxLibc.EpollEt);
        BinaryPrimitives.WriteUInt64LittleEndian(new Span<byte>(epollEvent + EventDataOffset, 8), id);
        if (LinuxLibc.EpollCtl(_epollFd, LinuxLibc.EpollCtlAdd, fd, epollEvent) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            _registrations.TryRemove(id, out _);
            throw new IOException($"epoll_ctl(ADD) failed: {LinuxLibc.Describe(errno)}", errno);
        }

        return registration;
    }

    /// <summary>Stops watching; call before the descriptor is closed.</summary>
    internal void Unregister(LinuxPollRegistration registration, SafeFileHandle fd)
    {
        _registrations.TryRemove(registration.Id, out _);
        if (!fd.IsClosed)
        {
            // The kernel drops closed descriptors by itself; an error here leaves nothing behind.
            _ = LinuxLibc.EpollCtl(_epollFd, LinuxLibc.EpollCtlDel, fd, null);
        }
    }

    private void Run()
    {
        var buffer = new byte[MaxEventsPerWait * EventSize];
        fixed (byte* events = buffer)
        {
            while (true)
            {
                var count = LinuxLibc.EpollWait(_epollFd, events, MaxEventsPerWait, -1);
                if (count < 0)
                {
                    // EINTR is the only error a valid epoll descriptor returns here.
                    continue;
                }

                for (var i = 0; i < count; i++)
                {
                    var entry = new ReadOnlySpan<byte>(events + i * EventSize, EventSize);
                    var flags = BinaryPrimitives.ReadUInt32LittleEndian(entry);
                    var id = BinaryPrimitives.ReadUInt64LittleEndian(entry[EventDataOffset..]);
                    if (_registrations.TryGetValue(id, out var registration))
                    {
                        registration.OnEvents(flags);
                    }
                }
            }
        }
    }
}
