namespace Station.Host.Contracts;

/// <summary>202 of POST /api/runs: the run and where to follow it.</summary>
internal sealed record StartRunResponse(Guid RunId, string Url);
