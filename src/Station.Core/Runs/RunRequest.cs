using Station.Core.Recipes;

namespace Station.Core.Runs;

/// <summary>A request to provision the board on one slot with one recipe version.</summary>
/// <param name="Slot">The slot's name.</param>
/// <param name="Recipe">The validated recipe.</param>
/// <param name="SerialNumber">The MES's serial number, when it gives one.</param>
/// <param name="Operator">Who started it (a person or an MES key name).</param>
/// <param name="FuseApproval">The engineer's approval of this recipe version for burning, when there is one.</param>
public sealed record RunRequest(string Slot, RecipePlan Recipe, string? SerialNumber, string? Operator, FuseBurnApproval? FuseApproval);

/// <summary>An engineer's approval of a recipe version for fuse burning.</summary>
/// <param name="Reference">The approval's reference, recorded with every burned word.</param>
/// <param name="ApprovedBy">Who approved it.</param>
public sealed record FuseBurnApproval(string Reference, string ApprovedBy);
