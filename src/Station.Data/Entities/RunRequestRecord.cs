namespace Station.Data.Entities;

/// <summary>
/// Who asked for a run and under which approval (table run_requests): the caller (a person or an
/// API key), the operator it named, the Idempotency-Key that makes a retried request answer with
/// the same run, and the fuse-burn approval the run carried.
/// </summary>
public sealed class RunRequestRecord
{
    public const string TableName = "run_requests";

    public Guid RunId { get; set; }

    public string StationId { get; set; } = "";

    public string Slot { get; set; } = "";

    /// <summary>The authenticated caller ("user:ana", "key:mes-line-1", "auto").</summary>
    public string RequestedBy { get; set; } = "";

    public string? Operator { get; set; }

    public string? SerialNumber { get; set; }

    public bool Rework { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the request's canonical form, to refuse a key reused for another request.</summary>
    public byte[]? RequestSha256 { get; set; }

    public string RecipeName { get; set; } = "";

    public int RecipeVersion { get; set; }

    public Guid? ApprovalId { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime RequestedAt { get; set; }
}
