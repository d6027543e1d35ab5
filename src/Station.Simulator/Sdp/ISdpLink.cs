namespace Station.Simulator.Sdp;

/// <summary>The ROM's side of SDP over one transport: USB HID reports or raw UART bytes.</summary>
internal interface ISdpLink
{
    /// <summary>Waits for the next 16-byte command.</summary>
    ValueTask<byte[]> ReadCommandAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the next piece of a data phase with <paramref name="remaining"/> bytes to go. Returns
    /// the bytes the ROM stores (over USB a whole 1024-byte report, zero-padded: the ROM rounds
    /// the count up to whole reports) and how many of the remaining bytes they account for; null
    /// when the host sent a new command instead (it is kept for the next read).
    /// </summary>
    ValueTask<(byte[] Stored, int Consumed)?> ReadDataAsync(long remaining, CancellationToken cancellationToken);

    /// <summary>Sends the 4-byte HAB mode; <paramref name="truncated"/> cuts it to 2 bytes (fault).</summary>
    ValueTask WriteHabAsync(uint hab, bool truncated, CancellationToken cancellationToken);

    /// <summary>Sends a 4-byte status word.</summary>
    ValueTask WriteStatusAsync(uint status, CancellationToken cancellationToken);

    /// <summary>Sends READ_REGISTER data (over USB in 64-byte reports, the last zero-padded).</summary>
    ValueTask WriteReadDataAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>True for the UART link (SET_BAUDRATE exists only there).</summary>
    bool IsSerial { get; }
}
