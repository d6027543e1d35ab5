namespace Station.Host.Contracts;

/// <summary>A fuse word of a run: requested bits, before, after (null when not burned), decision.</summary>
internal sealed record FuseRecordDto(
    long Index, string Name, long Requested, long Mask, long Before, long? After, string Decision, bool? Verified, string? ApprovalReference);
