using System.Buffers.Binary;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// Listens to kernel uevents on a NETLINK_KOBJECT_UEVENT socket (the source udev itself uses) and
/// calls back for every event the filter accepts, or when the socket overflowed and events may
/// have been lost. The callback runs on a thread-pool thread and must be quick.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class LinuxUeventListener : IDisposable
{
    // Kernel uevents are at most UEVENT_BUFFER_SIZE (2048) bytes.
    private const int DatagramBufferSize = 8192;
    private const int ReceiveBufferBytes = 1024 * 1024;
    private const uint KernelGroup = 1;

    private readonly LinuxFileDescriptor _socket;
    private readonly Func<UeventMessage, bool> _filter;
    private readonly Action _changed;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LinuxUeventListener(LinuxFileDescriptor socket, Func<UeventMessage, bool> filter, Action changed, ILogger logger)
    {
        _socket = socket;
        _filter = filter;
        _changed = changed;
        _logger = logger;
        _loop = ReceiveLoopAsync();
    }

    /// <summary>Opens and binds the socket, then starts listening.</summary>
    /// <exception cref="IOException">The socket cannot be opened or bound (e.g. a restricted container).</exception>
    public static unsafe LinuxUeventListener Start(Func<UeventMessage, bool> filter, Action changed, ILogger logger)
    {
        var handle = LinuxLibc.OwnDescriptor(
            LinuxLibc.Socket(LinuxLibc.AfNetlink, LinuxLibc.SockRaw | LinuxLibc.SockNonBlock | LinuxLibc.SockCloExec, LinuxLibc.NetlinkKobjectUevent),
            "socket(AF_NETLINK, NETLINK_KOBJECT_UEVENT)");
        try
        {
            // A bigger buffer rides out the burst of events a hub full of boards produces; failure is harmless.
            var size = ReceiveBufferBytes;
            _ = LinuxLibc.SetSockOpt(handle, LinuxLibc.SolSocket, LinuxLibc.SoRcvBuf, (byte*)&size, sizeof(int));

            // struct sockaddr_nl: nl_family (u16), nl_pad (u16), nl_pid (u32, 0: kernel assigns), nl_groups (u32).
            var address = stackalloc byte[12];
            var bytes = new Span<byte>(address, 12);
            bytes.Clear();
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, LinuxLibc.AfNetlink);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], KernelGroup);
            LinuxLibc.ThrowIfFailed(LinuxLibc.Bind(handle, address, 12), "bind(NETLINK_KOBJECT_UEVENT)");
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        return new LinuxUeventListener(new LinuxFileDescriptor(handle, "netlink:kobject-uevent"), filter, changed, logger);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[DatagramBufferSize];
        var token = _stop.Token;
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var count = await _socket.ReadAsync(buffer, Timeout.InfiniteTimeSpan, token);
                failures = 0;
                if (UeventMessage.TryParse(buffer.AsSpan(0, count)) is { } message && _filter(message))
                {
                    Log.Uevent(_logger, message.Action, message.DevPath);
                    _changed();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (DeviceException exception) when (!token.IsCancellationRequested)
            {
                // ENOBUFS: the socket overflowed and events were lost; a rescan catches up. An error
                // that repeats is not an overflow: stop rather than spin.
                Log.ListenerError(_logger, exception.Message);
                _changed();
                if (++failures >= 3)
                {
                    Log.ListenerStopped(_logger);
                    return;
                }
            }
        }
    }
}
