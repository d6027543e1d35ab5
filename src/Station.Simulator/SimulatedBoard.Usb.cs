using Station.Protocols.Transport;
using Station.Simulator.MBoot;
using Station.Simulator.Sdp;
using Station.Simulator.Usb;

namespace Station.Simulator;

public sealed partial class SimulatedBoard
{
    private IUsbPort? _port;
    private HidDeviceInfo? _usbDevice;
    private UsbSession? _usbSession;
    private bool _serving;

    /// <summary>Plugged into a bus port: power on (the bus calls this).</summary>
    internal async ValueTask PlugInAsync(IUsbPort port)
    {
        UsbSession? stop;
        lock (_lock)
        {
            if (_port is not null || _serving)
            {
                throw new InvalidOperationException($"Board {Name} is already plugged in or served over a byte stream.");
            }

            _port = port;
            stop = PowerOnLocked();
        }

        if (stop is not null)
        {
            await stop.StopAsync();
        }
    }

    /// <summary>Pulled out of its port: power off (the bus calls this).</summary>
    internal async ValueTask UnplugAsync()
    {
        List<UsbSession> stop;
        lock (_lock)
        {
            stop = PowerOffLocked();
            _port = null;
        }

        await StopAllAsync(stop);
    }

    /// <summary>
    /// Opens the board's current USB device: a fresh in-memory pair whose device end this board
    /// serves. A second open replaces the first (its host end sees a disconnect).
    /// </summary>
    internal async ValueTask<IReportTransport> OpenUsbAsync(HidDeviceInfo device)
    {
        UsbSession? previous;
        InMemoryReportTransport host;
        lock (_lock)
        {
            if (_usbDevice is null || _usbDevice.Path != device.Path)
            {
                throw new DeviceDisconnectedException(device.Path);
            }

            previous = _usbSession;
            (host, var deviceEnd) = InMemoryReportTransport.CreatePair(
                device.Path, device.MaxInputReportLength, device.MaxOutputReportLength, _options.TimeProvider);
            var session = new UsbSession(deviceEnd, CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token));
            var generation = _generation;
            var (state, rom, flashloader) = (_state, _rom, _flashloader);
            session.Task = Task.Run(() => ServeUsbAsync(generation, session, state, rom, flashloader));
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(session.Task);
            _usbSession = session;
        }

        if (previous is not null)
        {
            await previous.StopAsync();
        }

        return host;
    }

    private async Task ServeUsbAsync(int generation, UsbSession session, BoardState state, RomState? rom, FlashloaderState? flashloader)
    {
        SessionOutcome outcome;
        try
        {
            outcome = state switch
            {
                BoardState.Rom when rom is not null =>
                    await new SdpRom(rom, new SdpHidLink(session.Device, Pacer, Timing.RomUsbReportInterval)).RunAsync(session.Token),
                BoardState.Flashloader when flashloader is not null =>
                    await new MBootDevice(flashloader, new MBootHidLink(session.Device, Pacer, Timing.UsbReportInterval)).RunAsync(session.Token),
                _ => SessionOutcome.HostGone,
            };
        }
        catch (OperationCanceledException) when (session.Token.IsCancellationRequested)
        {
            return;
        }

        await HandleOutcomeAsync(generation, session, outcome);
    }

    /// <summary>Ends the USB presence of the current state: session and listing (lock held).</summary>
    private UsbSession? LeaveLocked()
    {
        _generation++;
        var session = _usbSession;
        _usbSession = null;
        if (_usbDevice is { } device)
        {
            _usbDevice = null;
            _port?.Removed(device);
        }

        return session;
    }

    /// <summary>Lists the board on its port as what it now runs (lock held).</summary>
    private void AnnounceLocked()
    {
        if (_port is null || _state is not (BoardState.Rom or BoardState.Flashloader))
        {
            return;
        }

        var path = _port.NextDevicePath();
        _usbDevice = _state == BoardState.Rom
            ? new HidDeviceInfo(path, BoardFamily.RomVendorId, Family.RomProductId, 0, null, null, _port.PortPath,
                SdpHidLink.InputReportLength, SdpHidLink.OutputReportLength)
            : new HidDeviceInfo(path, BoardFamily.FlashloaderVendorId, BoardFamily.FlashloaderProductId, 0, null, null, _port.PortPath,
                MBootHidLink.ReportLength, MBootHidLink.ReportLength);
        _port.Arrived(_usbDevice);
    }
}
