namespace Station.Protocols.MBoot;

public sealed partial class MBootClient
{
    /// <summary>
    /// Runs a command with a host→device data phase (PROTOCOLS.md 1.3): command, initial
    /// GenericResponse, the data in packets of <paramref name="packetSize"/>, final GenericResponse.
    /// A device abort ends the sending early; the final response then carries the device's reason.
    /// </summary>
    private async Task WriteDataPhaseAsync(
        MBootCommand command,
        ReadOnlyMemory<byte> data,
        int packetSize,
        TimeSpan packetTimeout,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var initial = Expect<MBootGenericResponse>(await ExchangeAsync(command, _options.ResponseTimeout, cancellationToken), command.Tag);
        ThrowIfFailed(initial, command.Tag);

        var sent = 0;
        var ended = false;
        MBootGenericResponse final;
        try
        {
            while (sent < data.Length)
            {
                var packet = data.Slice(sent, Math.Min(packetSize, data.Length - sent));
                if (!await _framing.WriteDataAsync(packet, packetTimeout, cancellationToken))
                {
                    ended = true;
                    break;
                }

                sent += packet.Length;
                progress?.Report(sent);
            }

            final = Expect<MBootGenericResponse>(await ReadResponseAsync(packetTimeout, cancellationToken), command.Tag);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && sent < data.Length)
        {
            await TryAbortDataPhaseAsync();
            throw;
        }

        if (ended)
        {
            Log.DataPhaseAborted(_logger, command.Tag, sent, data.Length, (uint)final.Status);
        }

        ThrowIfFailed(final, command.Tag);
        if (ended)
        {
            throw MBootResponse.Violation(
                DeviceAddress, $"The device ended the {command.Tag} data phase after {sent} of {data.Length} bytes but reported success.", final.RawBytes);
        }
    }

    /// <summary>
    /// Runs a command with a device→host data phase (PROTOCOLS.md 1.3): command, a response
    /// announcing the byte count (<paramref name="expectedTag"/>), the data, final GenericResponse.
    /// </summary>
    private async Task ReadDataPhaseAsync(
        MBootCommand command,
        MBootResponseTag expectedTag,
        Memory<byte> destination,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var timeout = _options.ResponseTimeout;
        var initial = Expect<MBootDataPhaseResponse>(await ExchangeAsync(command, timeout, cancellationToken), command.Tag);
        if (initial.Tag != expectedTag)
        {
            throw MBootResponse.Violation(DeviceAddress, $"{initial.Tag} response does not answer {command.Tag}.", initial.RawBytes);
        }

        // On failure the device sends no data and no final response (MCUBOOT bl_command.c).
        ThrowIfFailed(initial, command.Tag);
        if (initial.ByteCount != destination.Length)
        {
            throw MBootResponse.Violation(
                DeviceAddress, $"{command.Tag} of {destination.Length} bytes announced {initial.ByteCount} bytes.", initial.RawBytes);
        }

        var received = 0;
        var ended = false;
        while (received < destination.Length)
        {
            var count = await _framing.ReadDataAsync(destination[received..], timeout, cancellationToken);
            if (count == 0)
            {
                ended = true;
                break;
            }

            received += count;
            progress?.Report(received);
        }

        var final = Expect<MBootGenericResponse>(await ReadResponseAsync(timeout, cancellationToken), command.Tag);
        if (ended)
        {
            Log.DataPhaseAborted(_logger, command.Tag, received, destination.Length, (uint)final.Status);
        }

        ThrowIfFailed(final, command.Tag);
        if (ended)
        {
            throw MBootResponse.Violation(
                DeviceAddress, $"The device aborted the {command.Tag} data phase after {received} of {destination.Length} bytes but reported success.", final.RawBytes);
        }
    }

    /// <summary>The data packet size: configured, or the device's MaxPacketSize, or 32; learned once per session.</summary>
    private async Task<int> GetDataPacketSizeAsync(CancellationToken cancellationToken)
    {
        if (_dataPacketSize is { } known)
        {
            return known;
        }

        var size = _options.MaxPacketSize ?? await QueryMaxPacketSizeAsync(cancellationToken) ?? DefaultMaxPacketSize;
        size = Math.Min(size, _framing.MaxDataPacketLength);
        Log.MaxPacketSize(_logger, size);
        _dataPacketSize = size;
        return size;
    }

    private async Task<int?> QueryMaxPacketSizeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await GetPropertyCoreAsync(MBootPropertyTag.MaxPacketSize, 0, cancellationToken);
            return response is { Values: [> 0 and <= int.MaxValue and var size, ..] } ? (int)size : null;
        }
        catch (MBootCommandException)
        {
            // SPSDK McuBoot._get_max_packet_size: a device without the property gets 32-byte packets.
            return null;
        }
    }

    /// <summary>
    /// The caller cancelled in the middle of a host→device data phase: tell the device (it then
    /// finalises with 10002) so it is idle for the next session. Best effort and short; the
    /// session is broken either way.
    /// </summary>
    private async ValueTask TryAbortDataPhaseAsync()
    {
        try
        {
            await _framing.AbortDataPhaseAsync(_options.AbortTimeout, CancellationToken.None);
        }
        catch (Exception exception) when (exception is DeviceException or OperationCanceledException or ObjectDisposedException)
        {
            Log.HostAbortFailed(_logger, exception);
        }
    }
}
