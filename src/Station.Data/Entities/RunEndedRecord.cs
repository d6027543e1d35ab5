using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>A run ended (written by the run itself, or by start-up recovery as interrupted).</summary>
public sealed class RunEndedRecord : LedgerRecord
{
    public const string TableName = "run_ends";

    public Guid RunId { get; set; }

    public DateTime EndedAt { get; set; }

    public RunOutcome Outcome { get; set; }

    /// <summary>transport, device-transient, device-permanent, fuse-conflict, interrupted, … (Core's classes).</summary>
    public string? FailureClass { get; set; }

    public long? DeviceStatus { get; set; }

    /// <summary>Step attempts the run made in total.</summary>
    public int Attempts { get; set; }

    public string? Message { get; set; }

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("run_id", LedgerText.Of(RunId)));
        fields.Add(new("ended_at", LedgerText.Of(EndedAt)));
        fields.Add(new("outcome", LedgerText.Of(Outcome)));
        fields.Add(new("failure_class", FailureClass));
        fields.Add(new("device_status", LedgerText.Of(DeviceStatus)));
        fields.Add(new("attempts", LedgerText.Of(Attempts)));
        fields.Add(new("message", Message));
    }
}
