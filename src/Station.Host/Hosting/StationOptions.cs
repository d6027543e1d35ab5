namespace Station.Host.Hosting;

/// <summary>The <c>Station</c> section: who this station is and where it keeps its files.</summary>
public sealed class StationOptions
{
    public const string Section = "Station";

    /// <summary>The station's name: its ledger chain's key (at most 64 characters) and the header's title.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>
    /// Where the journal (the records' durable queue), the logs and the default SQLite database live.
    /// Empty: the user's local application data folder, <c>Station</c>. Relative paths are relative to the host's folder.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The folder of recipe files and the files they name (relative: to the host's folder).</summary>
    public string RecipesPath { get; set; } = "recipes";

    /// <summary>
    /// A recipe file in <see cref="RecipesPath"/> stored and made active at start-up when the station
    /// has no active recipe yet (the simulator's default: the sample RT1064 recipe). Empty: none.
    /// </summary>
    public string DefaultRecipe { get; set; } = "";

    /// <summary>
    /// Demo and test set-ups only: record an approval of the default recipe for fuse burning by the
    /// named user at start-up (e.g. the demo <c>engineer</c>), so simulated units pass without a person
    /// approving first. Empty: nothing is approved by configuration.
    /// </summary>
    public string ApproveDefaultRecipeAs { get; set; } = "";

    /// <summary><c>auto</c>: a board in ROM mode on an idle slot starts a run with the active recipe; <c>directed</c>: runs start by request.</summary>
    public string Mode { get; set; } = "auto";

    /// <summary>Fuse burns running at once across the station.</summary>
    public int ConcurrentFuseBurns { get; set; } = 2;

    /// <summary>How long the QA routes wait for this station's own records to reach the database before they answer.</summary>
    public TimeSpan ReadYourWritesTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
