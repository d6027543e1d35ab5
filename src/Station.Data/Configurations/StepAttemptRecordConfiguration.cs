using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class StepAttemptRecordConfiguration : IEntityTypeConfiguration<StepAttemptRecord>
{
    public void Configure(EntityTypeBuilder<StepAttemptRecord> builder)
    {
        builder.MapLedgerColumns(StepAttemptRecord.TableName);
        builder.Property(r => r.RunId).HasColumnName("run_id");
        builder.Property(r => r.StepName).HasColumnName("step_name").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.Attempt).HasColumnName("attempt");
        builder.Property(r => r.StartedAt).HasColumnName("started_at");
        builder.Property(r => r.EndedAt).HasColumnName("ended_at");
        builder.Property(r => r.Result).HasColumnName("result").HasMaxLength(LedgerRecordMapping.OutcomeLength)
            .HasConversion(LedgerRecordMapping.StepResultText);
        builder.Property(r => r.DeviceStatus).HasColumnName("device_status");
        builder.Property(r => r.RetryReason).HasColumnName("retry_reason");
        builder.Property(r => r.Message).HasColumnName("message");
        builder.HasIndex(r => r.RunId).HasDatabaseName("ix_step_attempts_run_id");
    }
}
