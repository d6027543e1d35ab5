using Station.Data.Ledger;

namespace Station.Cli.Simulation;

/// <summary>Where the records of a <c>station run</c> ended up.</summary>
/// <param name="DurableSequence">The newest record in the journal.</param>
/// <param name="DeliveredSequence">The newest record in the database.</param>
/// <param name="IsDelivered">Everything reached the database in time.</param>
/// <param name="Head">The chain's head (sequence and hash), to note as an anchor.</param>
/// <param name="LastDeliveryError">Why delivery failed, when it did.</param>
internal sealed record RecordingResult(long DurableSequence, long DeliveredSequence, bool IsDelivered, LedgerHead? Head, string? LastDeliveryError);
