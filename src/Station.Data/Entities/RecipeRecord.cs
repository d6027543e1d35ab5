namespace Station.Data.Entities;

/// <summary>
/// A stored recipe version (table recipes): its YAML text, identified by name, version and the
/// SHA-256 of the text, with the SHA-256 of every file it names, so a run can refuse files that
/// changed since. Never updated: a change is a new version.
/// </summary>
public sealed class RecipeRecord
{
    public const string TableName = "recipes";

    public string Name { get; set; } = "";

    public int Version { get; set; }

    public byte[] Sha256 { get; set; } = [];

    public string Content { get; set; } = "";

    public string Device { get; set; } = "";

    public bool BurnsFuses { get; set; }

    public byte[] FlashloaderSha256 { get; set; } = [];

    public byte[] ImageSha256 { get; set; } = [];

    public byte[]? FcbSha256 { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}
