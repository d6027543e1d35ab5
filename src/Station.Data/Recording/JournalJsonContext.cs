using System.Text.Json.Serialization;
using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>Source-generated JSON for journal entries (one polymorphic <see cref="LedgerRecord"/> each).</summary>
[JsonSerializable(typeof(LedgerRecord))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
