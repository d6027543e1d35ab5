using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

/// <summary>Maps db/*/0004_station_service.sql (provider-neutral).</summary>
internal sealed class UserRecordConfiguration : IEntityTypeConfiguration<UserRecord>
{
    public void Configure(EntityTypeBuilder<UserRecord> builder)
    {
        builder.ToTable(UserRecord.TableName);
        builder.HasKey(u => u.UserName).HasName("pk_users");
        builder.Property(u => u.UserName).HasColumnName("user_name").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(256);
        builder.Property(u => u.Roles).HasColumnName("roles").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(u => u.CreatedAt).HasColumnName("created_at");
        builder.Property(u => u.CreatedBy).HasColumnName("created_by").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(u => u.Disabled).HasColumnName("disabled");
    }
}
