namespace Station.Simulator.MBoot;

/// <summary>What a data-phase read produced.</summary>
/// <param name="Kind">Data, a host abort (zero-length data packet), or anything else (read failure).</param>
/// <param name="Payload">The data bytes, for <see cref="DataPacketKind.Data"/>.</param>
internal readonly record struct DataPacket(DataPacketKind Kind, byte[] Payload)
{
    public static DataPacket HostAbort { get; } = new(DataPacketKind.HostAbort, []);

    public static DataPacket Unexpected { get; } = new(DataPacketKind.Unexpected, []);
}

/// <summary>Outcome of a data-phase read.</summary>
internal enum DataPacketKind
{
    Data,
    HostAbort,
    Unexpected,
}
