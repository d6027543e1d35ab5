namespace Station.Host.Contracts;

/// <summary>This shift's figures (since the host started).</summary>
internal sealed record ShiftDto(DateTimeOffset Since, int Units, int Passed, double UnitsPerHour, double Yield, double FirstPassYield);
