using Station.Protocols.Transport;
using Station.Simulator.MBoot;
using Station.Simulator.Sdp;
using Station.Simulator.Timing;

namespace Station.Simulator;

public sealed partial class SimulatedBoard
{
    /// <summary>
    /// Serves the board over a byte stream (a UART: a serial port, a pseudo-terminal, the in-memory
    /// pair), starting with the flashloader running (MBoot UART framing), until the link closes or
    /// <paramref name="cancellationToken"/> fires.
    /// </summary>
    public Task ServeSerialAsync(IByteTransport transport, CancellationToken cancellationToken) =>
        ServeSerialAsync(transport, startInRom: false, cancellationToken);

    /// <summary>
    /// Serves the board over a byte stream, starting in the ROM (SDP over UART) when
    /// <paramref name="startInRom"/> is true, else in the flashloader. A jump makes the flashloader
    /// take over the same link, a reset hands it back to the ROM (or the application, per
    /// <see cref="BootSource"/>); bytes sent during those gaps are dropped. The disconnect fault
    /// closes the transport and ends serving.
    /// </summary>
    public async Task ServeSerialAsync(IByteTransport transport, bool startInRom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        lock (_lock)
        {
            if (_port is not null || _serving || _state != BoardState.Off)
            {
                throw new InvalidOperationException($"Board {Name} is already plugged in or served.");
            }

            _serving = true;
            ForgetVolatileLocked();
            EnterLocked(startInRom ? BoardState.Rom : BoardState.Flashloader);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        try
        {
            await ServeSerialLoopAsync(transport, linked.Token);
        }
        finally
        {
            lock (_lock)
            {
                _serving = false;
                _state = BoardState.Off;
                ForgetVolatileLocked();
            }
        }
    }

    private async Task ServeSerialLoopAsync(IByteTransport transport, CancellationToken cancellationToken)
    {
        while (true)
        {
            BoardState state;
            RomState? rom;
            FlashloaderState? flashloader;
            lock (_lock)
            {
                (state, rom, flashloader) = (_state, _rom, _flashloader);
            }

            var outcome = state switch
            {
                BoardState.Rom when rom is not null =>
                    await new SdpRom(rom, new SdpUartLink(transport, Pacer, Timing)).RunAsync(cancellationToken),
                BoardState.Flashloader when flashloader is not null =>
                    await new MBootDevice(flashloader, new MBootUartLink(transport, Pacer, Timing)).RunAsync(cancellationToken),
                _ => await IgnoreAsync(transport, cancellationToken),
            };

            BoardState next;
            lock (_lock)
            {
                switch (outcome.Kind)
                {
                    case SessionEnd.HostGone:
                        return;
                    case SessionEnd.Disconnected:
                        next = BoardState.Off;
                        break;
                    case SessionEnd.Executed:
                        next = BoardState.Application;
                        break;
                    case SessionEnd.Jumped:
                        _nextImage = outcome.Image;
                        _flashloader = null;
                        next = BoardState.Flashloader;
                        break;
                    case SessionEnd.BootFailed:
                        ForgetVolatileLocked();
                        next = BoardState.Rom;
                        break;
                    default:
                        ForgetVolatileLocked();
                        next = BootTargetLocked();
                        break;
                }

                _state = BoardState.Booting;
            }

            if (next == BoardState.Off)
            {
                await transport.DisposeAsync();
                return;
            }

            if (next != BoardState.Application)
            {
                // The MCU reboots: it hears nothing until the new firmware runs. Unscaled there is
                // no gap, so nothing is dropped.
                Pacer.Charge(DeviceTimeCategory.Enumeration, Timing.Reenumeration);
                await Pacer.PaceAsync(cancellationToken);
                if (Pacer.ScaleFactor > 0)
                {
                    transport.DiscardInput();
                }
            }

            lock (_lock)
            {
                EnterLocked(next);
            }
        }
    }

    /// <summary>An application owns the UART: it reads and ignores what the host sends.</summary>
    private static async Task<SessionOutcome> IgnoreAsync(IByteTransport transport, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                await transport.ReadAsync(buffer, Timeout.InfiniteTimeSpan, cancellationToken);
            }
        }
        catch (DeviceTransportException)
        {
            return SessionOutcome.HostGone;
        }
    }
}
