namespace Station.Data.Entities;

/// <summary>A recipe version became a station's active recipe (the newest row per station wins).</summary>
public sealed class RecipeActivationRecord
{
    public const string TableName = "recipe_activations";

    public Guid ActivationId { get; set; }

    public string StationId { get; set; } = "";

    public string RecipeName { get; set; } = "";

    public int RecipeVersion { get; set; }

    public string ActivatedBy { get; set; } = "";

    public DateTime ActivatedAt { get; set; }
}
