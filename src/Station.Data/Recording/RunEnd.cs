using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>How a run ended.</summary>
public sealed record RunEnd(RunOutcome Outcome, int Attempts)
{
    /// <summary>Core's failure class (transport, device-transient, device-permanent, fuse-conflict, …).</summary>
    public string? FailureClass { get; init; }

    public uint? DeviceStatus { get; init; }

    public string? Message { get; init; }
}
