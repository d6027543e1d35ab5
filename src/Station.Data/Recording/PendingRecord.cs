using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>
/// An item of the recorder's queue: a record, and/or a promise to complete (with the record's
/// sequence number) once it is durable. A null record is a flush marker.
/// </summary>
internal readonly record struct PendingRecord(LedgerRecord? Record, TaskCompletionSource<long>? Durable);
