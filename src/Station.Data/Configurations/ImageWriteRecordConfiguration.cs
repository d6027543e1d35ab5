using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class ImageWriteRecordConfiguration : IEntityTypeConfiguration<ImageWriteRecord>
{
    public void Configure(EntityTypeBuilder<ImageWriteRecord> builder)
    {
        builder.MapLedgerColumns(ImageWriteRecord.TableName);
        builder.Property(r => r.RunId).HasColumnName("run_id");
        builder.Property(r => r.Memory).HasColumnName("memory").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.Address).HasColumnName("address");
        builder.Property(r => r.Length).HasColumnName("length");
        builder.Property(r => r.ImageSha256).HasColumnName("image_sha256");
        builder.Property(r => r.ReadBackSha256).HasColumnName("readback_sha256");
        builder.HasIndex(r => r.RunId).HasDatabaseName("ix_image_writes_run_id");
    }
}
