using Microsoft.Extensions.Logging;

namespace Station.Protocols.MBoot;

/// <summary>
/// Host side of NXP's MBoot protocol (what <c>blhost</c> speaks), as the i.MX RT flashloader
/// implements it. One command is in flight at a time. A device status other than success is an
/// <see cref="MBootCommandException"/> and leaves the session usable. After a
/// <see cref="ProtocolViolationException"/>, a transport failure (timeout included) or a
/// cancellation in the middle of an exchange the session is broken, the framing and its transport
/// are closed, and every later call throws <see cref="ObjectDisposedException"/>: open a new
/// session (STYLE 4.4; we never resynchronise a half-read stream).
/// </summary>
public sealed partial class MBootClient : IAsyncDisposable
{
    /// <summary>Packet size when the device does not report MaxPacketSize (kMinPacketBufferSize, PROTOCOLS.md 1.2).</summary>
    public const int DefaultMaxPacketSize = 32;

    private readonly IMBootFraming _framing;
    private readonly MBootClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _commandBuffer = new byte[MBootCommand.MaxLength];
    private int? _dataPacketSize;
    private Exception? _brokenBy;
    private bool _disposed;

    /// <summary>Creates a client that owns <paramref name="framing"/> (and through it the transport).</summary>
    public MBootClient(IMBootFraming framing, MBootClientOptions options, ILogger<MBootClient> logger)
    {
        ArgumentNullException.ThrowIfNull(framing);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _framing = framing;
        _options = options;
        _logger = logger;
    }

    /// <summary>The device as its transport names it.</summary>
    public string DeviceAddress => _framing.DeviceAddress;

    /// <summary>True once a failure has broken the session; every call then throws <see cref="ObjectDisposedException"/>.</summary>
    public bool IsBroken => _brokenBy is not null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        // Wait for a command in flight: each is bounded by its timeouts.
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_brokenBy is null)
            {
                await _framing.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs one operation under the one-command-in-flight gate and the broken-session rule.</summary>
    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfUnusable();
            try
            {
                return await operation(cancellationToken);
            }
            catch (Exception exception) when (exception is not MBootCommandException)
            {
                await BreakAsync(exception);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfUnusable();
            try
            {
                await operation(cancellationToken);
            }
            catch (Exception exception) when (exception is not MBootCommandException)
            {
                await BreakAsync(exception);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_brokenBy is { } cause)
        {
            throw new ObjectDisposedException(
                $"The MBoot session on {DeviceAddress} was broken by {cause.GetType().Name}: {cause.Message} Open a new session.",
                cause);
        }
    }

    private async ValueTask BreakAsync(Exception cause)
    {
        _brokenBy = cause;
        Log.SessionBroken(_logger, DeviceAddress, cause.GetType().Name, cause);
        try
        {
            await _framing.DisposeAsync();
        }
        catch (Exception disposeFailure) when (disposeFailure is DeviceException or ObjectDisposedException)
        {
            // The transport is already gone; the session is closed either way.
        }
    }
}
