namespace Station.Simulator.MBoot;

internal sealed partial class MBootDevice
{
    /// <summary>
    /// write-memory (PROTOCOLS 1.3; MCUBOOT handle_write_memory + handle_data_consumer): initial
    /// GenericResponse(0) without validation; before each data packet the remaining range is
    /// checked (a failure aborts before the data is read); the final GenericResponse comes after
    /// the last packet and the flush of the last partial NOR page.
    /// </summary>
    private async ValueTask<SessionOutcome?> WriteMemoryAsync(MBootCommandPacket command, CancellationToken cancellationToken)
    {
        var (address, remaining, memoryId) = (command[0], (long)command[1], command[2]);
        var memory = _state.Memory;
        await RespondAsync(MBootResponse.Generic(MBootStatus.Success, command.Tag), cancellationToken);
        if (remaining == 0)
        {
            await FinishWriteAsync(command.Tag, MBootStatus.Success, cancellationToken);
            return null;
        }

        if (memory.IsFlexSpi(address, remaining))
        {
            memory.FlexSpi.BeginProgramOperation(address, remaining);
        }

        var disconnectAt = DrawDisconnect(remaining);
        for (var packetIndex = 0; remaining > 0; packetIndex++)
        {
            var check = memory.WriteCheck(address, remaining, memoryId);
            if (check != MBootStatus.Success)
            {
                await _link.AbortHostDataPhaseAsync(cancellationToken);
                await FinishWriteAsync(command.Tag, check, cancellationToken);
                return null;
            }

            if (packetIndex == disconnectAt)
            {
                return SessionOutcome.Disconnected;
            }

            var packet = await _link.ReadDataAsync(cancellationToken);
            if (packet.Kind == DataPacketKind.HostAbort)
            {
                await FinishWriteAsync(command.Tag, MBootStatus.AbortDataPhase, cancellationToken);
                return null;
            }

            if (packet.Kind == DataPacketKind.Unexpected)
            {
                await _link.AbortHostDataPhaseAsync(cancellationToken);
                await FinishWriteAsync(command.Tag, MBootStatus.Fail, cancellationToken);
                return null;
            }

            var length = (int)Math.Min(packet.Payload.Length, remaining);
            var status = memory.Write(address, packet.Payload.AsSpan(0, length), memoryId);
            address += (uint)length;
            remaining -= length;
            if (remaining == 0 || status != MBootStatus.Success)
            {
                if (remaining > 0)
                {
                    await _link.AbortHostDataPhaseAsync(cancellationToken);
                }

                await FinishWriteAsync(command.Tag, status, cancellationToken);
                return null;
            }
        }

        return null;
    }

    /// <summary>finalize_data_phase for write-memory: flush, keep the first error, send the final response.</summary>
    private async ValueTask FinishWriteAsync(byte tag, MBootStatus status, CancellationToken cancellationToken)
    {
        var flushed = _state.Memory.Flush();
        if (status == MBootStatus.Success)
        {
            status = flushed;
        }

        await RespondAsync(MBootResponse.Generic(status, tag), cancellationToken);
    }

    /// <summary>
    /// read-memory (MCUBOOT handle_read_memory + handle_data_producer): ReadMemoryResponse(0,
    /// count), then data packets of at most MaxPacketSize; a read failure sends a zero-length
    /// data packet and the final GenericResponse with the error.
    /// </summary>
    private async ValueTask<SessionOutcome?> ReadMemoryAsync(MBootCommandPacket command, CancellationToken cancellationToken)
    {
        var (address, remaining, memoryId) = (command[0], (long)command[1], command[2]);
        await RespondAsync(MBootResponse.ReadMemory(MBootStatus.Success, command[1]), cancellationToken);
        var disconnectAt = remaining > 0 ? DrawDisconnect(remaining) : -1;
        var buffer = new byte[_link.MaxPacketSize];
        for (var packetIndex = 0; remaining > 0; packetIndex++)
        {
            if (packetIndex == disconnectAt)
            {
                return SessionOutcome.Disconnected;
            }

            var size = (int)Math.Min(buffer.Length, remaining);
            var status = _state.Memory.Read(address, buffer.AsSpan(0, size), memoryId);
            if (status != MBootStatus.Success)
            {
                await _link.WriteDataAsync(ReadOnlyMemory<byte>.Empty, cancellationToken);
                await RespondAsync(MBootResponse.Generic(status, command.Tag), cancellationToken);
                return null;
            }

            if (!await _link.WriteDataAsync(buffer.AsMemory(0, size), cancellationToken))
            {
                await RespondAsync(MBootResponse.Generic(MBootStatus.AbortDataPhase, command.Tag), cancellationToken);
                return null;
            }

            address += (uint)size;
            remaining -= size;
        }

        await RespondAsync(MBootResponse.Generic(MBootStatus.Success, command.Tag), cancellationToken);
        return null;
    }
}
