using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class FuseResultRecordConfiguration : IEntityTypeConfiguration<FuseResultRecord>
{
    public void Configure(EntityTypeBuilder<FuseResultRecord> builder)
    {
        builder.MapLedgerColumns(FuseResultRecord.TableName);
        builder.Property(r => r.IntentId).HasColumnName("intent_id");
        builder.Property(r => r.RunId).HasColumnName("run_id");
        builder.Property(r => r.ChipUid).HasColumnName("chip_uid").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.FuseIndex).HasColumnName("fuse_index");
        builder.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(LedgerRecordMapping.OutcomeLength)
            .HasConversion(LedgerRecordMapping.FuseOutcomeText);
        builder.Property(r => r.ValueAfter).HasColumnName("value_after");
        builder.Property(r => r.Verified).HasColumnName("verified");
        builder.Property(r => r.DeviceStatus).HasColumnName("device_status");
        builder.Property(r => r.Message).HasColumnName("message");
        builder.HasIndex(r => r.IntentId).HasDatabaseName("ix_fuse_results_intent_id");
        builder.HasIndex(r => r.RunId).HasDatabaseName("ix_fuse_results_run_id");
        builder.HasIndex(r => r.ChipUid).HasDatabaseName("ix_fuse_results_chip_uid");
    }
}
