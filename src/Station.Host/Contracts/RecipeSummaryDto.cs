namespace Station.Host.Contracts;

/// <summary>A stored recipe version; <c>content</c> (its YAML) only when one version is asked for.</summary>
internal sealed record RecipeSummaryDto(
    string Name, int Version, string Sha256, string Device, bool BurnsFuses, bool Approved, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    bool Active, string CreatedBy, DateTimeOffset CreatedAt, string? Content = null);
