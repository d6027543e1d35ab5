using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

/// <summary>Maps db/*/0004_station_service.sql (provider-neutral).</summary>
internal sealed class RunRequestRecordConfiguration : IEntityTypeConfiguration<RunRequestRecord>
{
    public void Configure(EntityTypeBuilder<RunRequestRecord> builder)
    {
        builder.ToTable(RunRequestRecord.TableName);
        builder.HasKey(r => r.RunId).HasName("pk_run_requests");
        builder.Property(r => r.RunId).HasColumnName("run_id").ValueGeneratedNever();
        builder.Property(r => r.StationId).HasColumnName("station_id").HasMaxLength(LedgerRecordMapping.StationIdLength);
        builder.Property(r => r.Slot).HasColumnName("slot").HasMaxLength(LedgerRecordMapping.NameLength);
        builder.Property(r => r.RequestedBy).HasColumnName("requested_by").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.Operator).HasColumnName("operator").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.SerialNumber).HasColumnName("serial_number").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.Rework).HasColumnName("rework");
        builder.Property(r => r.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.RequestSha256).HasColumnName("request_sha256");
        builder.Property(r => r.RecipeName).HasColumnName("recipe_name").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.RecipeVersion).HasColumnName("recipe_version");
        builder.Property(r => r.ApprovalId).HasColumnName("approval_id");
        builder.Property(r => r.ApprovedBy).HasColumnName("approved_by").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(r => r.RequestedAt).HasColumnName("requested_at");
        builder.HasIndex(r => new { r.RequestedBy, r.IdempotencyKey }).IsUnique().HasDatabaseName("ux_run_requests_idempotency");
        builder.HasIndex(r => r.SerialNumber).HasDatabaseName("ix_run_requests_serial_number");
    }
}
