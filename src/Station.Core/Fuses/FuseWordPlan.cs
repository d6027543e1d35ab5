using System.Globalization;

namespace Station.Core.Fuses;

/// <summary>One word of a fuse plan: what was asked, what the unit holds, and what to do.</summary>
/// <param name="Request">What the recipe asks.</param>
/// <param name="Current">The word as read from the unit.</param>
public sealed record FuseWordPlan(FuseRequest Request, uint Current)
{
    /// <summary>Requested 1 bits still 0 on the unit: what a burn programs.</summary>
    public uint BitsToBurn => Request.Value & Request.Mask & ~Current;

    /// <summary>Requested 0 bits already 1 on the unit: fuses only go from 0 to 1, so these can never be undone.</summary>
    public uint ConflictingBits => ~Request.Value & Request.Mask & Current;

    /// <summary>The classification.</summary>
    public FuseDecision Decision => ConflictingBits != 0
        ? FuseDecision.Conflict
        : BitsToBurn != 0 ? FuseDecision.Write : FuseDecision.Matches;

    /// <summary>A sentence an operator or engineer can act on.</summary>
    public string Describe() => Decision switch
    {
        FuseDecision.Matches => Format($"{Request.Word.Name} (0x{Request.Word.Index:X2}) already holds 0x{Request.Value:X8} under mask 0x{Request.Mask:X8}."),
        FuseDecision.Write => Format($"{Request.Word.Name} (0x{Request.Word.Index:X2}) reads 0x{Current:X8}; burn bits 0x{BitsToBurn:X8} to reach 0x{Request.Value:X8} under mask 0x{Request.Mask:X8}."),
        _ => Format($"{Request.Word.Name} (0x{Request.Word.Index:X2}) reads 0x{Current:X8} but the recipe wants bits 0x{ConflictingBits:X8} to be 0, and fuses cannot be cleared: this unit cannot take this recipe. Hand it to rework or check the recipe's fuse value."),
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
