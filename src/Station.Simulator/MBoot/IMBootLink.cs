namespace Station.Simulator.MBoot;

/// <summary>
/// The flashloader's packet layer (MCUBOOT peripheral_packet_interface_t) over one transport:
/// USB HID reports (<see cref="MBootHidLink"/>) or UART frames (<see cref="MBootUartLink"/>).
/// A vanished host surfaces as <see cref="Station.Protocols.Transport.DeviceTransportException"/>.
/// </summary>
internal interface IMBootLink
{
    /// <summary>The MaxPacketSize property over this link: 1012 over USB HID, 512 over UART.</summary>
    int MaxPacketSize { get; }

    /// <summary>Waits for the next command packet, skipping what the idle firmware ignores.</summary>
    ValueTask<byte[]> ReadCommandAsync(CancellationToken cancellationToken);

    /// <summary>Reads the next packet of a host-to-device data phase.</summary>
    ValueTask<DataPacket> ReadDataAsync(CancellationToken cancellationToken);

    /// <summary>Sends a response packet; <paramref name="truncated"/> sends the short form of the fault instead.</summary>
    ValueTask WriteResponseAsync(byte[] packet, bool truncated, CancellationToken cancellationToken);

    /// <summary>Sends a device-to-host data packet (empty = device abort); false when the host aborted.</summary>
    ValueTask<bool> WriteDataAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Tells the host the device aborts its host-to-device data phase.</summary>
    ValueTask AbortHostDataPhaseAsync(CancellationToken cancellationToken);

    /// <summary>Completes the last exchange before the device goes away (UART: the deferred ACK).</summary>
    ValueTask FinalizeAsync(CancellationToken cancellationToken);
}
