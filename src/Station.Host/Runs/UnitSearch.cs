using Station.Data.Entities;

namespace Station.Host.Runs;

/// <summary>The filters of GET /api/units (all optional) and the page.</summary>
internal sealed record UnitSearch(string? Serial, DateTimeOffset? From, DateTimeOffset? To, RunOutcome? Outcome, string? RecipeName, int Page, int PageSize);
