namespace Station.Host.Contracts;

/// <summary>POST /api/sim/slots/{slot}/board.</summary>
internal sealed record PlugBoardBody(string? Faults);
