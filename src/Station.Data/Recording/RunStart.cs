namespace Station.Data.Recording;

/// <summary>What Core knows when a run begins (see <see cref="RecordWriter.StartRun"/>).</summary>
public sealed record RunStart(string Slot, string RecipeName, string RecipeVersion, byte[] RecipeSha256)
{
    public string? Operator { get; init; }

    /// <summary>The flashloader the recipe loads (name or version), when known at the start.</summary>
    public string? FlashloaderVersion { get; init; }

    /// <summary>The serial number MES gave, when it gave one.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>The run's identity as the engine knows it; a new one is made when absent.</summary>
    public Guid? RunId { get; init; }
}
