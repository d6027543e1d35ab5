using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Configurations;

/// <summary>The columns every ledger table shares, and the limits the schema enforces.</summary>
internal static class LedgerRecordMapping
{
    public const int StationIdLength = 64;
    public const int NameLength = 64;
    public const int LongNameLength = 128;
    public const int LevelLength = 16;
    public const int OutcomeLength = 20;

    public static readonly ValueConverter<RunOutcome, string> RunOutcomeText =
        new(v => LedgerText.Of(v), v => LedgerText.ParseRunOutcome(v));

    public static readonly ValueConverter<StepResult, string> StepResultText =
        new(v => LedgerText.Of(v), v => LedgerText.ParseStepResult(v));

    public static readonly ValueConverter<FuseOutcome, string> FuseOutcomeText =
        new(v => LedgerText.Of(v), v => LedgerText.ParseFuseOutcome(v));

    /// <summary>Table name, the key (station_id, sequence) and the chain columns.</summary>
    public static void MapLedgerColumns<T>(this EntityTypeBuilder<T> builder, string table)
        where T : LedgerRecord
    {
        builder.ToTable(table);
        builder.HasKey(r => new { r.StationId, r.Sequence }).HasName($"pk_{table}");
        builder.Property(r => r.StationId).HasColumnName("station_id").HasMaxLength(StationIdLength).IsRequired();
        builder.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedNever();
        builder.Property(r => r.RecordedAt).HasColumnName("recorded_at");
        builder.Property(r => r.PreviousHash).HasColumnName("previous_hash").IsRequired();
        builder.Property(r => r.Hash).HasColumnName("hash").IsRequired();
    }
}
