namespace Station.Host.Recipes;

internal sealed partial class RecipeCatalog
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.RecipeApproved, LogLevel.Information, "Recipe {Recipe} v{Version} approved for fuse burning by {ApprovedBy}")]
        public static partial void Approved(ILogger logger, string recipe, int version, string approvedBy);

        [LoggerMessage(HostEventIds.RecipeActivated, LogLevel.Information, "Recipe {Recipe} v{Version} is now active on {StationId} (by {ActivatedBy})")]
        public static partial void Activated(ILogger logger, string recipe, int version, string stationId, string activatedBy);
    }
}
