using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>One finished attempt of one step.</summary>
public sealed record StepAttempt(string StepName, int Attempt, DateTimeOffset StartedAt, DateTimeOffset EndedAt, StepResult Result)
{
    /// <summary>The device's status code, when it answered one (MBoot status, HAB status).</summary>
    public uint? DeviceStatus { get; init; }

    /// <summary>Why the step will be tried again (null when it will not).</summary>
    public string? RetryReason { get; init; }

    public string? Message { get; init; }
}
