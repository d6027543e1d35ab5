using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>A log line of a run (or of the station, when <see cref="RunId"/> is null).</summary>
public sealed class LogLineRecord : LedgerRecord
{
    public const string TableName = "log_lines";

    public Guid? RunId { get; set; }

    public DateTime LoggedAt { get; set; }

    /// <summary>trace, debug, information, warning, error, critical.</summary>
    public string Level { get; set; } = "";

    public string Message { get; set; } = "";

    public override string RecordType => TableName;

    private protected override void AddFields(List<LedgerField> fields)
    {
        fields.Add(new("run_id", LedgerText.Of(RunId)));
        fields.Add(new("logged_at", LedgerText.Of(LoggedAt)));
        fields.Add(new("level", Level));
        fields.Add(new("message", Message));
    }
}
