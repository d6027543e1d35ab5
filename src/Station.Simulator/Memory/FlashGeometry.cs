namespace Station.Simulator.Memory;

/// <summary>What a configured FlexSPI NOR looks like to the flashloader.</summary>
internal readonly record struct FlashGeometry(long Size, int PageSize, int SectorSize, int BlockSize, int MaxFrequency);
