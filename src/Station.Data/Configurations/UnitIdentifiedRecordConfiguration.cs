using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

internal sealed class UnitIdentifiedRecordConfiguration : IEntityTypeConfiguration<UnitIdentifiedRecord>
{
    public void Configure(EntityTypeBuilder<UnitIdentifiedRecord> builder)
    {
        builder.MapLedgerColumns(UnitIdentifiedRecord.TableName);
        builder.Property(r => r.RunId).HasColumnName("run_id");
        builder.Property(r => r.ChipUid).HasColumnName("chip_uid").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.SerialNumber).HasColumnName("serial_number").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.FlashloaderVersion).HasColumnName("flashloader_version").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.HasIndex(r => r.RunId).HasDatabaseName("ix_unit_identifications_run_id");
        builder.HasIndex(r => r.ChipUid).HasDatabaseName("ix_unit_identifications_chip_uid");
        builder.HasIndex(r => r.SerialNumber).HasDatabaseName("ix_unit_identifications_serial_number");
    }
}
