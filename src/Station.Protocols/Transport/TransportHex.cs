namespace Station.Protocols.Transport;

/// <summary>
/// Bytes for a Trace log line, formatted as hex only when the line is written (spsdk logs
/// <c>OUT[n]: …</c> the same way). Passing one costs nothing while Trace is off. The logger must
/// format it during the call, as every Microsoft.Extensions.Logging provider and Serilog do.
/// </summary>
internal readonly struct TransportHex(ReadOnlyMemory<byte> bytes)
{
    /// <summary>Longest dump written to one log line; the line carries the full length too.</summary>
    public const int MaxLoggedBytes = 4096;

    public override string ToString() =>
        bytes.Length > MaxLoggedBytes ? Convert.ToHexString(bytes.Span[..MaxLoggedBytes]) + "…" : Convert.ToHexString(bytes.Span);
}
