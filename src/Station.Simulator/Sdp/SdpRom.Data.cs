using System.Globalization;

namespace Station.Simulator.Sdp;

internal sealed partial class SdpRom
{
    private const int DataReport = SdpHidLink.DataReportPayload;

    /// <summary>
    /// WRITE_FILE, WRITE_CSF and DCD_WRITE: the data follows the command; the ROM stores it
    /// (over USB in whole 1024-byte reports, so up to 1023 bytes past the count may be
    /// overwritten, PROTOCOLS 7.1), then answers HAB mode and status. Data aimed outside RAM is
    /// still taken but answered with the HAB failure status.
    /// </summary>
    private async ValueTask<SessionOutcome?> ReceiveAsync(SdpCommand command, uint successStatus, CancellationToken cancellationToken)
    {
        var isFile = (SdpCommandType)command.Type == SdpCommandType.WriteFile;
        var disconnectAt = isFile ? DrawDisconnect(command.Count) : -1;
        var received = new List<byte>();
        long remaining = command.Count;
        var inRam = command.Count == 0 || _state.Hardware.IsRam(command.Address, command.Count);
        while (remaining > 0)
        {
            // The fault is drawn in 1024-byte report pieces; a UART delivers reads of any size, so
            // compare bytes taken, not reads (else a UART transfer could end before piece N).
            if (disconnectAt >= 0 && command.Count - remaining >= (long)disconnectAt * DataReport)
            {
                return SessionOutcome.Disconnected;
            }

            var data = await _link.ReadDataAsync(remaining, cancellationToken);
            if (data is not { } chunk)
            {
                return null; // the host started another command: this one is dropped
            }

            Store(command.Address + (uint)(command.Count - remaining), chunk.Stored);
            received.AddRange(chunk.Stored.AsSpan(0, chunk.Consumed).ToArray());
            remaining -= chunk.Consumed;
        }

        var ok = inRam;
        if ((SdpCommandType)command.Type == SdpCommandType.DcdWrite)
        {
            ok = DcdProgram.TryRun(received.ToArray(), _state.Registers);
        }

        if (!ok)
        {
            _state.ErrorStatus = SdpStatus.HabFailure;
        }

        await ReplyAsync(ok ? successStatus : SdpStatus.HabFailure, cancellationToken);
        return null;
    }

    /// <summary>Writes what the ROM stores, clipped to the RAM window the address is in.</summary>
    private void Store(uint address, byte[] bytes)
    {
        if (!_state.Hardware.TryGetRam(address, 1, out var region, out _))
        {
            return;
        }

        var room = (int)Math.Min(bytes.Length, (long)region.End - address + 1);
        _state.Hardware.TryWriteRam(address, bytes.AsSpan(0, room));
    }

    private int DrawDisconnect(uint byteCount)
    {
        if (byteCount == 0 || !_state.Faults.ShouldFire(FaultKind.RomDisconnect, out var occurrence))
        {
            return -1;
        }

        var pieces = (int)((byteCount + DataReport - 1) / DataReport);
        var at = _state.Faults.Choose(pieces);
        _state.Faults.Record(FaultKind.RomDisconnect, occurrence, string.Create(CultureInfo.InvariantCulture, $"ROM gone before data report {at + 1} of {pieces}"));
        return at;
    }
}
