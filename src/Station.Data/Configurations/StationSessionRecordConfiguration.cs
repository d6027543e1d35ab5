using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class StationSessionRecordConfiguration : IEntityTypeConfiguration<StationSessionRecord>
{
    public void Configure(EntityTypeBuilder<StationSessionRecord> builder)
    {
        builder.MapLedgerColumns(StationSessionRecord.TableName);
        builder.Property(r => r.SessionId).HasColumnName("session_id");
        builder.Property(r => r.ToolVersion).HasColumnName("tool_version").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.HostName).HasColumnName("host_name").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.HasIndex(r => r.SessionId).IsUnique().HasDatabaseName("ux_station_sessions_session_id");
    }
}
