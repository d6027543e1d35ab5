using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>The completion of a <see cref="FuseIntentRecord"/>, possibly written by a later run.</summary>
public sealed class FuseResultRecord : LedgerRecord
{
    public const string TableName = "fuse_results";

    public Guid IntentId { get; set; }

    /// <summary>The run that completed the intent (a later run when it resolves an interrupted one).</summary>
    public Guid RunId { get; set; }

    public string ChipUid { get; set; } = "";

    public int FuseIndex { get; set; }

    public FuseOutcome Outcome { get; set; }

    /// <summary>The word as read back after the burn (null when it could not be read).</summary>
    public long? ValueAfter { get; set; }

    /// <summary>The read-back holds every requested bit under the mask.</summary>
    public bool Verified { get; set; }

    public long? DeviceStatus { get; set; }

    public string? Message { get; set; }

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("intent_id", LedgerText.Of(IntentId)));
        fields.Add(new("run_id", LedgerText.Of(RunId)));
        fields.Add(new("chip_uid", ChipUid));
        fields.Add(new("fuse_index", LedgerText.Of(FuseIndex)));
        fields.Add(new("outcome", LedgerText.Of(Outcome)));
        fields.Add(new("value_after", LedgerText.Of(ValueAfter)));
        fields.Add(new("verified", LedgerText.Of(Verified)));
        fields.Add(new("device_status", LedgerText.Of(DeviceStatus)));
        fields.Add(new("message", Message));
    }
}
