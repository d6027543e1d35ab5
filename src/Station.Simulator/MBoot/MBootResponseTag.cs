namespace Station.Simulator.MBoot;

/// <summary>MBoot response tags (PROTOCOLS 3.3).</summary>
internal enum MBootResponseTag : byte
{
    Generic = 0xA0,
    ReadMemory = 0xA3,
    GetProperty = 0xA7,
    FlashReadOnce = 0xAF,
}
