using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>One attempt of one step of a run, recorded when the attempt ends.</summary>
public sealed class StepAttemptRecord : LedgerRecord
{
    public const string TableName = "step_attempts";

    public Guid RunId { get; set; }

    public string StepName { get; set; } = "";

    /// <summary>1 for the first attempt of this step in this run.</summary>
    public int Attempt { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime EndedAt { get; set; }

    public StepResult Result { get; set; }

    /// <summary>The device's status code (MBoot status or HAB status), when the device answered one.</summary>
    public long? DeviceStatus { get; set; }

    /// <summary>Why the step is tried again after this attempt (null when it is not).</summary>
    public string? RetryReason { get; set; }

    public string? Message { get; set; }

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("run_id", LedgerText.Of(RunId)));
        fields.Add(new("step_name", StepName));
        fields.Add(new("attempt", LedgerText.Of(Attempt)));
        fields.Add(new("started_at", LedgerText.Of(StartedAt)));
        fields.Add(new("ended_at", LedgerText.Of(EndedAt)));
        fields.Add(new("result", LedgerText.Of(Result)));
        fields.Add(new("device_status", LedgerText.Of(DeviceStatus)));
        fields.Add(new("retry_reason", RetryReason));
        fields.Add(new("message", Message));
    }
}
