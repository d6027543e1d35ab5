using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>An image written to device memory, with the SHA-256 of what was written and of the read-back.</summary>
public sealed class ImageWriteRecord : LedgerRecord
{
    public const string TableName = "image_writes";

    public Guid RunId { get; set; }

    /// <summary>The memory written (e.g. "flexspi-nor", "sram").</summary>
    public string Memory { get; set; } = "";

    /// <summary>Start address (a 32-bit device address).</summary>
    public long Address { get; set; }

    /// <summary>Bytes written.</summary>
    public long Length { get; set; }

    public byte[] ImageSha256 { get; set; } = [];

    /// <summary>SHA-256 of the bytes read back (null when the read-back failed or was not done).</summary>
    public byte[]? ReadBackSha256 { get; set; }

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("run_id", LedgerText.Of(RunId)));
        fields.Add(new("memory", Memory));
        fields.Add(new("address", LedgerText.Of(Address)));
        fields.Add(new("length", LedgerText.Of(Length)));
        fields.Add(new("image_sha256", LedgerText.Of(ImageSha256)));
        fields.Add(new("readback_sha256", LedgerText.OfNullable(ReadBackSha256)));
    }
}
