namespace Station.Data.Entities;

/// <summary>A person who signs in to the dashboard (table users; not in the ledger).</summary>
public sealed class UserRecord
{
    public const string TableName = "users";

    public string UserName { get; set; } = "";

    /// <summary>PBKDF2 hash in <see cref="Access.PasswordHash"/>'s text form; never the password.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Comma-separated role names (operator, engineer, qa, mes, admin).</summary>
    public string Roles { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public bool Disabled { get; set; }
}
