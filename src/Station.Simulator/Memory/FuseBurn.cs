namespace Station.Simulator.Memory;

/// <summary>One accepted efuse program operation: the bits asked for, the lock flag, and the bits an injected fault left unburned.</summary>
internal readonly record struct FuseBurn(int Index, uint Value, bool Lock, uint MissedBits);
