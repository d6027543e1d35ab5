using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>A run began: one attempt to provision one unit on one slot with one recipe version.</summary>
public sealed class RunStartedRecord : LedgerRecord
{
    public const string TableName = "run_starts";

    public Guid RunId { get; set; }

    /// <summary>The station session that started the run (recovery ends the runs of earlier sessions).</summary>
    public Guid SessionId { get; set; }

    public string Slot { get; set; } = "";

    public string? Operator { get; set; }

    public string RecipeName { get; set; } = "";

    public string RecipeVersion { get; set; } = "";

    /// <summary>SHA-256 of the recipe's content (32 bytes).</summary>
    public byte[] RecipeSha256 { get; set; } = [];

    public string? FlashloaderVersion { get; set; }

    public string ToolVersion { get; set; } = "";

    /// <summary>The serial number MES gave for the unit, when it gave one at the start.</summary>
    public string? SerialNumber { get; set; }

    public DateTime StartedAt { get; set; }

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("run_id", LedgerText.Of(RunId)));
        fields.Add(new("session_id", LedgerText.Of(SessionId)));
        fields.Add(new("slot", Slot));
        fields.Add(new("operator", Operator));
        fields.Add(new("recipe_name", RecipeName));
        fields.Add(new("recipe_version", RecipeVersion));
        fields.Add(new("recipe_sha256", LedgerText.Of(RecipeSha256)));
        fields.Add(new("flashloader_version", FlashloaderVersion));
        fields.Add(new("tool_version", ToolVersion));
        fields.Add(new("serial_number", SerialNumber));
        fields.Add(new("started_at", LedgerText.Of(StartedAt)));
    }
}
