namespace Station.Host.Contracts;

/// <summary>One page of the unit search.</summary>
internal sealed record UnitPageDto(IReadOnlyList<UnitListItemDto> Items, int Page, int PageSize, int Total);
