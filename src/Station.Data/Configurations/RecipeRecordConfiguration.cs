using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

/// <summary>Maps db/*/0004_station_service.sql (provider-neutral).</summary>
internal sealed class RecipeRecordConfiguration : IEntityTypeConfiguration<RecipeRecord>
{
    public void Configure(EntityTypeBuilder<RecipeRecord> builder)
    {
        builder.ToTable(RecipeRecord.TableName);
        builder.HasKey(r => new { r.Name, r.Version }).HasName("pk_recipes");
        builder.Property(r => r.Name).HasColumnName("name").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(r => r.Sha256).HasColumnName("sha256");
        builder.Property(r => r.Content).HasColumnName("content");
        builder.Property(r => r.Device).HasColumnName("device").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.BurnsFuses).HasColumnName("burns_fuses");
        builder.Property(r => r.FlashloaderSha256).HasColumnName("flashloader_sha256");
        builder.Property(r => r.ImageSha256).HasColumnName("image_sha256");
        builder.Property(r => r.FcbSha256).HasColumnName("fcb_sha256");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.CreatedBy).HasColumnName("created_by").HasMaxLength(LedgerRecordMapping.LongNameLength);
    }
}
