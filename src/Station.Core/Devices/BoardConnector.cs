using Microsoft.Extensions.Logging;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;

namespace Station.Core.Devices;

/// <summary>Opens protocol clients on the boards the monitor reports, over USB HID.</summary>
public sealed class BoardConnector(DeviceMonitor monitor, ILoggerFactory loggerFactory, TimeProvider timeProvider, MBootClientOptions? mbootOptions = null)
{
    private readonly MBootClientOptions _mbootOptions = mbootOptions ?? new MBootClientOptions();

    /// <summary>Opens the ROM's SDP interface.</summary>
    public async Task<SdpClient> OpenRomAsync(BoardPresence board, CancellationToken cancellationToken)
    {
        var transport = await monitor.Devices.OpenAsync(board.Device, cancellationToken);
        return new SdpClient(new SdpHidFraming(transport, loggerFactory.CreateLogger<SdpHidFraming>()), logger: loggerFactory.CreateLogger<SdpClient>());
    }

    /// <summary>Opens the flashloader's MBoot interface.</summary>
    public async Task<MBootClient> OpenFlashloaderAsync(BoardPresence board, CancellationToken cancellationToken)
    {
        var transport = await monitor.Devices.OpenAsync(board.Device, cancellationToken);
        var framing = new MBootHidFraming(transport, loggerFactory.CreateLogger<MBootHidFraming>(), timeProvider);
        return new MBootClient(framing, _mbootOptions, loggerFactory.CreateLogger<MBootClient>());
    }
}
