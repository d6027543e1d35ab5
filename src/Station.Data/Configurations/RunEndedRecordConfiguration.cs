using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class RunEndedRecordConfiguration : IEntityTypeConfiguration<RunEndedRecord>
{
    public void Configure(EntityTypeBuilder<RunEndedRecord> builder)
    {
        builder.MapLedgerColumns(RunEndedRecord.TableName);
        builder.Property(r => r.RunId).HasColumnName("run_id");
        builder.Property(r => r.EndedAt).HasColumnName("ended_at");
        builder.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(LedgerRecordMapping.OutcomeLength)
            .HasConversion(LedgerRecordMapping.RunOutcomeText);
        builder.Property(r => r.FailureClass).HasColumnName("failure_class").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.DeviceStatus).HasColumnName("device_status");
        builder.Property(r => r.Attempts).HasColumnName("attempts");
        builder.Property(r => r.Message).HasColumnName("message");
        builder.HasIndex(r => r.RunId).HasDatabaseName("ix_run_ends_run_id");
    }
}
