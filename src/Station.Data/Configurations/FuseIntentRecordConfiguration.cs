using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class FuseIntentRecordConfiguration : IEntityTypeConfiguration<FuseIntentRecord>
{
    public void Configure(EntityTypeBuilder<FuseIntentRecord> builder)
    {
        builder.MapLedgerColumns(FuseIntentRecord.TableName);
        builder.Property(r => r.IntentId).HasColumnName("intent_id");
        builder.Property(r => r.RunId).HasColumnName("run_id");
        builder.Property(r => r.ChipUid).HasColumnName("chip_uid").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.FuseIndex).HasColumnName("fuse_index");
        builder.Property(r => r.FuseName).HasColumnName("fuse_name").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.RequestedValue).HasColumnName("requested_value");
        builder.Property(r => r.Mask).HasColumnName("mask");
        builder.Property(r => r.ValueBefore).HasColumnName("value_before");
        builder.Property(r => r.ApprovalReference).HasColumnName("approval_reference").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.HasIndex(r => r.IntentId).IsUnique().HasDatabaseName("ux_fuse_intents_intent_id");
        builder.HasIndex(r => r.RunId).HasDatabaseName("ix_fuse_intents_run_id");
        builder.HasIndex(r => r.ChipUid).HasDatabaseName("ix_fuse_intents_chip_uid");
    }
}
