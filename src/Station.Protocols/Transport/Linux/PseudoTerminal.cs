using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// A Linux pseudo-terminal pair: this object is the master side, as an <see cref="IByteTransport"/>;
/// <see cref="SlavePath"/> (e.g. <c>/dev/pts/5</c>) is what a host opens as a serial port. The
/// simulator serves a board on the master while the station talks to the slave through
/// <see cref="SerialPortTransport"/>, so the real terminal code path is exercised.
/// </summary>
/// <remarks>
/// The slave is put in raw mode (no echo, no CR/LF translation, 8-bit clean) and one slave
/// descriptor stays open for the pair's lifetime, so a host may close and re-open the slave
/// without the master seeing a hang-up (a real UART board does not notice either). Disposing the
/// pseudo-terminal hangs up the slave: its reads end (<see cref="DeviceDisconnectedException"/>).
/// </remarks>
[SupportedOSPlatform("linux")]
public sealed partial class PseudoTerminal : IByteTransport
{
    private readonly LinuxTtyTransport _master;
    private readonly SafeFileHandle _slave;

    private PseudoTerminal(LinuxTtyTransport master, SafeFileHandle slave, string slavePath)
    {
        _master = master;
        _slave = slave;
        SlavePath = slavePath;
    }

    /// <summary>The slave device path, e.g. <c>/dev/pts/5</c>, for <see cref="SerialPortTransport.Open"/>.</summary>
    public string SlavePath { get; }

    /// <inheritdoc />
    public string DeviceAddress => _master.DeviceAddress;

    /// <summary>Opens a new pseudo-terminal pair with a raw slave.</summary>
    /// <param name="logger">Receives Trace hex dumps of the master's traffic; none when null.</param>
    /// <exception cref="IOException">The system has no free pseudo-terminal or refused one.</exception>
    public static unsafe PseudoTerminal Open(ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;

        // glibc and musl pass these flags straight to open("/dev/ptmx").
        var master = LinuxLibc.OwnDescriptor(
            LinuxLibc.PosixOpenPt(LinuxLibc.ORdWr | LinuxLibc.ONoCtty | LinuxLibc.ONonBlock | LinuxLibc.OCloExec), "posix_openpt");
        SafeFileHandle? slave = null;
        try
        {
            LinuxLibc.ThrowIfFailed(LinuxLibc.GrantPt(master), "grantpt");
            LinuxLibc.ThrowIfFailed(LinuxLibc.UnlockPt(master), "unlockpt");

            var name = stackalloc byte[128];
            var error = LinuxLibc.PtsNameR(master, name, 128);
            if (error != 0)
            {
                throw new IOException($"ptsname_r failed: {LinuxLibc.Describe(error)}", error);
            }

            var slavePath = Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name));
            slave = LinuxLibc.OwnDescriptor(
                LinuxLibc.Open(slavePath, LinuxLibc.ORdWr | LinuxLibc.ONoCtty | LinuxLibc.ONonBlock | LinuxLibc.OCloExec), $"open({slavePath})");
            LinuxTermios.MakeRaw(slave, baudRate: null);

            var transport = new LinuxTtyTransport(master, "pty:" + slavePath, logger, TimeProvider.System);
            Log.Opened(logger, slavePath);
            return new PseudoTerminal(transport, slave, slavePath);
        }
        catch
        {
            slave?.Dispose();
            master.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken) =>
        _master.WriteAsync(data, timeout, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken) =>
        _master.ReadAsync(buffer, timeout, cancellationToken);

    /// <inheritdoc />
    public void DiscardInput() => _master.DiscardInput();

    /// <summary>Closes both sides; the slave sees a hang-up.</summary>
    public async ValueTask DisposeAsync()
    {
        await _master.DisposeAsync();
        _slave.Dispose();
    }
}
