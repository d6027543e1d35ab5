using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

/// <summary>Maps db/*/0004_station_service.sql (provider-neutral).</summary>
internal sealed class RecipeApprovalRecordConfiguration : IEntityTypeConfiguration<RecipeApprovalRecord>
{
    public void Configure(EntityTypeBuilder<RecipeApprovalRecord> builder)
    {
        builder.ToTable(RecipeApprovalRecord.TableName);
        builder.HasKey(a => a.ApprovalId).HasName("pk_recipe_approvals");
        builder.Property(a => a.ApprovalId).HasColumnName("approval_id").ValueGeneratedNever();
        builder.Property(a => a.RecipeName).HasColumnName("recipe_name").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(a => a.RecipeVersion).HasColumnName("recipe_version");
        builder.Property(a => a.RecipeSha256).HasColumnName("recipe_sha256");
        builder.Property(a => a.ApprovedBy).HasColumnName("approved_by").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(a => a.ApprovedAt).HasColumnName("approved_at");
        builder.HasIndex(a => new { a.RecipeName, a.RecipeVersion }).HasDatabaseName("ix_recipe_approvals_recipe");
    }
}
