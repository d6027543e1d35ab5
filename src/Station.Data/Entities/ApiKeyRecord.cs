namespace Station.Data.Entities;

/// <summary>A machine's API key (table api_keys): only the SHA-256 of the secret is stored.</summary>
public sealed class ApiKeyRecord
{
    public const string TableName = "api_keys";

    public Guid KeyId { get; set; }

    /// <summary>What the key is for ("mes-line-1"); shown as who did what.</summary>
    public string Name { get; set; } = "";

    /// <summary>Comma-separated role names.</summary>
    public string Roles { get; set; } = "";

    /// <summary>SHA-256 of the whole key text (32 bytes).</summary>
    public byte[] KeyHash { get; set; } = [];

    /// <summary>The key's first characters, to tell keys apart in lists; not enough to use it.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? RevokedAt { get; set; }
}
