using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class RunStartedRecordConfiguration : IEntityTypeConfiguration<RunStartedRecord>
{
    public void Configure(EntityTypeBuilder<RunStartedRecord> builder)
    {
        builder.MapLedgerColumns(RunStartedRecord.TableName);
        builder.Property(r => r.RunId).HasColumnName("run_id");
        builder.Property(r => r.SessionId).HasColumnName("session_id");
        builder.Property(r => r.Slot).HasColumnName("slot").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.Operator).HasColumnName("operator").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.RecipeName).HasColumnName("recipe_name").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.RecipeVersion).HasColumnName("recipe_version").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.RecipeSha256).HasColumnName("recipe_sha256");
        builder.Property(r => r.FlashloaderVersion).HasColumnName("flashloader_version").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.ToolVersion).HasColumnName("tool_version").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.SerialNumber).HasColumnName("serial_number").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.StartedAt).HasColumnName("started_at");
        builder.HasIndex(r => r.RunId).IsUnique().HasDatabaseName("ux_run_starts_run_id");
        builder.HasIndex(r => r.SerialNumber).HasDatabaseName("ix_run_starts_serial_number");
        builder.HasIndex(r => r.StartedAt).HasDatabaseName("ix_run_starts_started_at");
    }
}
