namespace Station.Protocols.Transport;

/// <summary>
/// The lengths of the reports that share one report ID, as a HID report descriptor declares them.
/// Lengths are in bytes, without the report ID byte; 0 means the descriptor has no report of that
/// kind under this ID.
/// </summary>
/// <param name="ReportId">The report ID, or 0 when the descriptor uses no report IDs.</param>
/// <param name="InputLength">Input (device to host) report body length.</param>
/// <param name="OutputLength">Output (host to device) report body length.</param>
/// <param name="FeatureLength">Feature report body length.</param>
public sealed record HidReportLengths(byte ReportId, int InputLength, int OutputLength, int FeatureLength);
