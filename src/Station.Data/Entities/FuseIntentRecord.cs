using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>
/// Written, and made durable, before a fuse word is burned. An intent without a
/// <see cref="FuseResultRecord"/> means the station stopped between the two: the word must be
/// re-read on the unit's next run before anything else is burned.
/// </summary>
public sealed class FuseIntentRecord : LedgerRecord
{
    public const string TableName = "fuse_intents";

    public Guid IntentId { get; set; }

    public Guid RunId { get; set; }

    public string ChipUid { get; set; } = "";

    public int FuseIndex { get; set; }

    public string FuseName { get; set; } = "";

    /// <summary>The requested 32-bit value (only the bits in <see cref="Mask"/> matter).</summary>
    public long RequestedValue { get; set; }

    public long Mask { get; set; }

    /// <summary>The word as read just before the burn.</summary>
    public long ValueBefore { get; set; }

    /// <summary>The approval of the recipe version that allows fuse burning.</summary>
    public string? ApprovalReference { get; set; }

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("intent_id", LedgerText.Of(IntentId)));
        fields.Add(new("run_id", LedgerText.Of(RunId)));
        fields.Add(new("chip_uid", ChipUid));
        fields.Add(new("fuse_index", LedgerText.Of(FuseIndex)));
        fields.Add(new("fuse_name", FuseName));
        fields.Add(new("requested_value", LedgerText.Of(RequestedValue)));
        fields.Add(new("mask", LedgerText.Of(Mask)));
        fields.Add(new("value_before", LedgerText.Of(ValueBefore)));
        fields.Add(new("approval_reference", ApprovalReference));
    }
}
