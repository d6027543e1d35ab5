namespace Station.Host.Contracts;

/// <summary>The board on a slot: <c>Rom</c> or <c>Flashloader</c> and its USB identity.</summary>
internal sealed record BoardDto(string Mode, int VendorId, int ProductId);
