using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>The station started recording: one per process start, the first record of every session.</summary>
public sealed class StationSessionRecord : LedgerRecord
{
    public const string TableName = "station_sessions";

    public Guid SessionId { get; set; }

    /// <summary>The station software's version.</summary>
    public string ToolVersion { get; set; } = "";

    public string HostName { get; set; } = "";

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("session_id", LedgerText.Of(SessionId)));
        fields.Add(new("tool_version", ToolVersion));
        fields.Add(new("host_name", HostName));
    }
}
