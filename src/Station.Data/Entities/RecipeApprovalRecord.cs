namespace Station.Data.Entities;

/// <summary>An engineer approved a recipe version (and exactly its content) for fuse burning.</summary>
public sealed class RecipeApprovalRecord
{
    public const string TableName = "recipe_approvals";

    public Guid ApprovalId { get; set; }

    public string RecipeName { get; set; } = "";

    public int RecipeVersion { get; set; }

    public byte[] RecipeSha256 { get; set; } = [];

    public string ApprovedBy { get; set; } = "";

    public DateTime ApprovedAt { get; set; }
}
