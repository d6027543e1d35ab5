using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>The run learned which physical unit it is working on (chip UID read from the device).</summary>
public sealed class UnitIdentifiedRecord : LedgerRecord
{
    public const string TableName = "unit_identifications";

    public Guid RunId { get; set; }

    public string ChipUid { get; set; } = "";

    public string? SerialNumber { get; set; }

    /// <summary>The flashloader's version as the device reported it.</summary>
    public string? FlashloaderVersion { get; set; }

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("run_id", LedgerText.Of(RunId)));
        fields.Add(new("chip_uid", ChipUid));
        fields.Add(new("serial_number", SerialNumber));
        fields.Add(new("flashloader_version", FlashloaderVersion));
    }
}
