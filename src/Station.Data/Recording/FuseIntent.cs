namespace Station.Data.Recording;

/// <summary>A fuse word about to be burned (recorded durably before the burn).</summary>
public sealed record FuseIntent(int FuseIndex, string FuseName, uint RequestedValue, uint Mask, uint ValueBefore)
{
    /// <summary>The approval of the recipe version that allows burning.</summary>
    public string? ApprovalReference { get; init; }
}
