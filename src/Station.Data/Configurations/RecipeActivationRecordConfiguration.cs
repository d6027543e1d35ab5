using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Station.Data.Entities;

namespace Station.Data.Configurations;

/// <summary>Maps db/*/0004_station_service.sql (provider-neutral).</summary>
internal sealed class RecipeActivationRecordConfiguration : IEntityTypeConfiguration<RecipeActivationRecord>
{
    public void Configure(EntityTypeBuilder<RecipeActivationRecord> builder)
    {
        builder.ToTable(RecipeActivationRecord.TableName);
        builder.HasKey(a => a.ActivationId).HasName("pk_recipe_activations");
        builder.Property(a => a.ActivationId).HasColumnName("activation_id").ValueGeneratedNever();
        builder.Property(a => a.StationId).HasColumnName("station_id").HasMaxLength(LedgerRecordMapping.StationIdLength);
        builder.Property(a => a.RecipeName).HasColumnName("recipe_name").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(a => a.RecipeVersion).HasColumnName("recipe_version");
        builder.Property(a => a.ActivatedBy).HasColumnName("activated_by").HasMaxLength(LedgerRecordMapping.LongNameLength);
        builder.Property(a => a.ActivatedAt).HasColumnName("activated_at");
        builder.HasIndex(a => new { a.StationId, a.ActivatedAt }).HasDatabaseName("ix_recipe_activations_station_id");
    }
}
