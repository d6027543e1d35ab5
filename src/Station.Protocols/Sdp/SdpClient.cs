using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.Transport;

namespace Station.Protocols.Sdp;

/// <summary>
/// Talks to the i.MX RT boot ROM's Serial Download Protocol (what NXP's <c>sdphost</c> does), one
/// command at a time, over any <see cref="ISdpFraming"/>. The client owns the framing. After a
/// transport failure or a protocol violation the session is broken: later calls throw
/// <see cref="ObjectDisposedException"/> and the caller opens a fresh one (STYLE 4.4).
/// </summary>
public sealed partial class SdpClient : IAsyncDisposable
{
    /// <summary>Where NXP's <c>ivt_flashloader.bin</c> is loaded (PROTOCOLS.md 8).</summary>
    public const uint FlashloaderLoadAddress = 0x2000_0000;

    private readonly ISdpFraming _framing;
    private readonly SdpClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _oneCommand = new(1, 1);
    private readonly byte[] _command = new byte[SdpCommand.Length];
    private bool _broken;
    private bool _disposed;

    /// <summary>Creates a client over <paramref name="framing"/>, which it owns.</summary>
    public SdpClient(ISdpFraming framing, SdpClientOptions? options = null, ILogger<SdpClient>? logger = null)
    {
        _framing = framing;
        _options = options ?? new SdpClientOptions();
        _logger = logger ?? NullLogger<SdpClient>.Instance;
    }

    /// <summary>The device, for logs.</summary>
    public string DeviceAddress => _framing.DeviceAddress;

    /// <summary>read-register: reads <paramref name="count"/> bytes at <paramref name="address"/> with the given access width.</summary>
    public Task<byte[]> ReadRegisterAsync(uint address, int count, SdpAccessWidth width, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return RunAsync(SdpCommandType.ReadRegister, async token =>
        {
            await SendCommandAsync(SdpCommandType.ReadRegister, address, (byte)width, (uint)count, 0, token);
            await ReadHabModeAsync(token);
            var data = new byte[count];
            await _framing.ReadDataAsync(data, _options.ResponseTimeout, token);
            return data;
        }, cancellationToken);
    }

    /// <summary>write-register: writes <paramref name="value"/> (8, 16 or 32 bits wide) at <paramref name="address"/>.</summary>
    public Task<SdpResponse> WriteRegisterAsync(uint address, uint value, SdpAccessWidth width, CancellationToken cancellationToken) =>
        RunAsync(SdpCommandType.WriteRegister, async token =>
        {
            await SendCommandAsync(SdpCommandType.WriteRegister, address, (byte)width, (uint)width / 8, value, token);
            return await ReadAnswerAsync(SdpCommandType.WriteRegister, SdpResponseValue.WriteComplete, token);
        }, cancellationToken);

    /// <summary>write-file: loads <paramref name="data"/> at <paramref name="address"/> (the flashloader goes to 0x20000000).</summary>
    public Task<SdpResponse> WriteFileAsync(uint address, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        SendDataCommandAsync(SdpCommandType.WriteFile, address, data, SdpResponseValue.WriteFileComplete, cancellationToken);

    /// <summary>dcd-write: writes a DCD blob at <paramref name="address"/>, which the ROM then runs.</summary>
    public Task<SdpResponse> WriteDcdAsync(uint address, ReadOnlyMemory<byte> dcd, CancellationToken cancellationToken) =>
        SendDataCommandAsync(SdpCommandType.DcdWrite, address, dcd, SdpResponseValue.WriteComplete, cancellationToken);

    /// <summary>write-csf: writes a HAB command sequence file at <paramref name="address"/>.</summary>
    public Task<SdpResponse> WriteCsfAsync(uint address, ReadOnlyMemory<byte> csf, CancellationToken cancellationToken) =>
        SendDataCommandAsync(SdpCommandType.WriteCsf, address, csf, SdpResponseValue.WriteComplete, cancellationToken);

    /// <summary>skip-dcd-header: tells the ROM to ignore the DCD of the image it runs next.</summary>
    public Task<SdpResponse> SkipDcdHeaderAsync(CancellationToken cancellationToken) =>
        RunAsync(SdpCommandType.SkipDcdHeader, async token =>
        {
            await SendCommandAsync(SdpCommandType.SkipDcdHeader, 0, 0, 0, 0, token);
            return await ReadAnswerAsync(SdpCommandType.SkipDcdHeader, SdpResponseValue.SkipDcdHeaderOk, token);
        }, cancellationToken);

    /// <summary>error-status: the HAB mode and the ROM's global error status (0xF0F0F0F0 = HAB success).</summary>
    public Task<SdpResponse> ErrorStatusAsync(CancellationToken cancellationToken) =>
        RunAsync(SdpCommandType.ErrorStatus, async token =>
        {
            await SendCommandAsync(SdpCommandType.ErrorStatus, 0, 0, 0, 0, token);
            var habMode = await ReadHabModeAsync(token);
            var status = await _framing.ReadStatusAsync(_options.ResponseTimeout, token);
            return new SdpResponse(habMode, status);
        }, cancellationToken);

    /// <summary>
    /// jump-address: runs the image whose IVT is at <paramref name="ivtAddress"/> (0x20000400 for NXP's
    /// flashloader). The ROM answers with its HAB mode; on success the device leaves the bus and
    /// comes back as what it ran, so this session ends here. When the ROM refuses the image (bad IVT,
    /// HAB closed and unsigned) it follows with a failure word (PROTOCOLS.md 7.3), which is thrown as
    /// an <see cref="SdpCommandException"/>; silence for <see cref="SdpClientOptions.JumpFailureWindow"/>
    /// or the device leaving means it jumped.
    /// </summary>
    public Task<SdpResponse> JumpAddressAsync(uint ivtAddress, CancellationToken cancellationToken) =>
        RunAsync(SdpCommandType.JumpAddress, async token =>
        {
            await SendCommandAsync(SdpCommandType.JumpAddress, ivtAddress, 0, 0, 0, token);
            var habMode = await ReadHabModeAsync(token);
            return await ReadJumpFailureAsync(token) is { } failure
                ? throw new SdpCommandException(DeviceAddress, SdpCommandType.JumpAddress, habMode, failure, 0)
                : new SdpResponse(habMode, 0);
        }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _framing.DisposeAsync();
        _oneCommand.Dispose();
    }

    private Task<SdpResponse> SendDataCommandAsync(
        SdpCommandType type, uint address, ReadOnlyMemory<byte> data, uint expected, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(data.Length);
        return RunAsync(type, async token =>
        {
            await SendCommandAsync(type, address, 0, (uint)data.Length, 0, token);
            await _framing.WriteDataAsync(data, _options.WriteTimeout, token);
            return await ReadAnswerAsync(type, expected, token);
        }, cancellationToken);
    }

    private ValueTask SendCommandAsync(SdpCommandType type, uint address, byte format, uint count, uint data, CancellationToken cancellationToken)
    {
        SdpCommand.Encode(_command, type, address, format, count, data);
        Log.Command(_logger, type, address, count, DeviceAddress);
        return _framing.WriteCommandAsync(_command, _options.WriteTimeout, cancellationToken);
    }

    private async Task<SdpResponse> ReadAnswerAsync(SdpCommandType type, uint expected, CancellationToken cancellationToken)
    {
        var habMode = await ReadHabModeAsync(cancellationToken);
        var status = await _framing.ReadStatusAsync(_options.ResponseTimeout, cancellationToken);
        return status == expected
            ? new SdpResponse(habMode, status)
            : throw new SdpCommandException(DeviceAddress, type, habMode, status, expected);
    }

    /// <summary>
    /// The failure word the ROM sends after a refused jump, or null when it sent none within the
    /// window (it jumped: over UART it falls silent, over USB it leaves the bus). Hosts that ignore
    /// the word leave it queued, and over a UART the next session then reads it as its HAB mode.
    /// </summary>
    private async Task<uint?> ReadJumpFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _framing.ReadStatusAsync(_options.JumpFailureWindow, cancellationToken);
        }
        catch (DeviceTransportException)
        {
            // Timeout (silence) or disconnect (re-enumeration): the image runs.
            return null;
        }
    }

    private async Task<HabMode> ReadHabModeAsync(CancellationToken cancellationToken)
    {
        var value = await _framing.ReadHabModeAsync(_options.ResponseTimeout, cancellationToken);
        return value is SdpResponseValue.HabOpen or SdpResponseValue.HabClosed
            ? (HabMode)value
            : throw new ProtocolViolationException(DeviceAddress, $"HAB mode 0x{value:X8} is neither open (0x56787856) nor closed (0x12343412).", BitConverter.GetBytes(value));
    }

    /// <summary>One command at a time; a transport or protocol failure breaks the session for good.</summary>
    private async Task<T> RunAsync<T>(SdpCommandType type, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _oneCommand.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed || _broken, this);
            return await operation(cancellationToken);
        }
        catch (Exception exception) when (exception is DeviceTransportException or ProtocolViolationException or OperationCanceledException)
        {
            // A half-finished exchange leaves reports in flight; never try to resynchronise.
            _broken = true;
            Log.SessionBroken(_logger, type, DeviceAddress, exception);
            throw;
        }
        finally
        {
            _oneCommand.Release();
        }
    }
}
