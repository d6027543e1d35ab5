namespace Station.Host.Contracts;

/// <summary>GET /api/station and the hub's stationChanged.</summary>
internal sealed record StationDto(string Name, string Mode, ActiveRecipeDto? ActiveRecipe, ShiftDto Shift, string Devices);
