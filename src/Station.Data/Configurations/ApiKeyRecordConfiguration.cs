using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

/// <summary>Maps db/*/0004_station_service.sql (provider-neutral).</summary>
internal sealed class ApiKeyRecordConfiguration : IEntityTypeConfiguration<ApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKeyRecord> builder)
    {
        builder.ToTable(ApiKeyRecord.TableName);
        builder.HasKey(k => k.KeyId).HasName("pk_api_keys");
        builder.Property(k => k.KeyId).HasColumnName("key_id").ValueGeneratedNever();
        builder.Property(k => k.Name).HasColumnName("name").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(k => k.Roles).HasColumnName("roles").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(k => k.KeyHash).HasColumnName("key_hash");
        builder.Property(k => k.Prefix).HasColumnName("prefix").HasMaxLength(16);
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
        builder.Property(k => k.CreatedBy).HasColumnName("created_by").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(k => k.RevokedAt).HasColumnName("revoked_at");
        builder.HasIndex(k => k.KeyHash).IsUnique().HasDatabaseName("ux_api_keys_key_hash");
        builder.HasIndex(k => k.Name).IsUnique().HasDatabaseName("ux_api_keys_name");
    }
}
