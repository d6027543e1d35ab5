using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class LogLineRecordConfiguration : IEntityTypeConfiguration<LogLineRecord>
{
    public void Configure(EntityTypeBuilder<LogLineRecord> builder)
    {
        builder.MapLedgerColumns(LogLineRecord.TableName);
        builder.Property(r => r.RunId).HasColumnName("run_id");
        builder.Property(r => r.LoggedAt).HasColumnName("logged_at");
        builder.Property(r => r.Level).HasColumnName("level").HasMaxLength(LedgerRecordMapping.LevelLength);
        builder.Property(r => r.Message).HasColumnName("message");
        builder.HasIndex(r => r.RunId).HasDatabaseName("ix_log_lines_run_id");
    }
}
