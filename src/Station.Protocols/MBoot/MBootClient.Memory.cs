namespace Station.Protocols.MBoot;

public sealed partial class MBootClient
{
    /// <summary>
    /// <c>flash-erase-all</c>: erases the whole memory <paramref name="memoryId"/> within
    /// <see cref="MBootClientOptions.FlashEraseAllTimeout"/>.
    /// </summary>
    public Task FlashEraseAllAsync(MBootMemoryId memoryId, CancellationToken cancellationToken) =>
        RunAsync(token => RunGenericAsync(new MBootCommand(MBootCommandTag.FlashEraseAll, false, [(uint)memoryId]), _options.FlashEraseAllTimeout, token), cancellationToken);

    /// <summary>
    /// <c>flash-erase-all</c> of a memory of <paramref name="memorySizeBytes"/> bytes: the timeout
    /// scales with the size (<see cref="MBootClientOptions.GetEraseTimeout"/>).
    /// </summary>
    public Task FlashEraseAllAsync(MBootMemoryId memoryId, long memorySizeBytes, CancellationToken cancellationToken)
    {
        var timeout = _options.GetEraseTimeout(memorySizeBytes);
        return RunAsync(token => RunGenericAsync(new MBootCommand(MBootCommandTag.FlashEraseAll, false, [(uint)memoryId]), timeout, token), cancellationToken);
    }

    /// <summary>
    /// <c>flash-erase-region</c>: erases <paramref name="byteCount"/> bytes from
    /// <paramref name="address"/> (the device widens the range to whole sectors). The timeout
    /// scales with <paramref name="byteCount"/>.
    /// </summary>
    public Task FlashEraseRegionAsync(uint address, int byteCount, MBootMemoryId memoryId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        var timeout = _options.GetEraseTimeout(byteCount);
        var command = new MBootCommand(MBootCommandTag.FlashEraseRegion, false, [address, (uint)byteCount, (uint)memoryId]);
        return RunAsync(token => RunGenericAsync(command, timeout, token), cancellationToken);
    }

    /// <summary><c>read-memory</c>: reads <paramref name="byteCount"/> bytes from <paramref name="address"/> in one command.</summary>
    public async Task<byte[]> ReadMemoryAsync(uint address, int byteCount, MBootMemoryId memoryId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        var data = new byte[byteCount];
        await ReadMemoryAsync(address, data, memoryId, null, cancellationToken);
        return data;
    }

    /// <summary>
    /// <c>read-memory</c> into <paramref name="destination"/>, reporting the bytes received so far
    /// to <paramref name="progress"/>.
    /// </summary>
    public Task ReadMemoryAsync(
        uint address, Memory<byte> destination, MBootMemoryId memoryId, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (destination.IsEmpty)
        {
            throw new ArgumentException("Nothing to read.", nameof(destination));
        }

        var command = new MBootCommand(MBootCommandTag.ReadMemory, false, [address, (uint)destination.Length, (uint)memoryId]);
        return RunAsync(token => ReadDataPhaseAsync(command, MBootResponseTag.ReadMemory, destination, progress, token), cancellationToken);
    }

    /// <summary><c>write-memory</c>: writes <paramref name="data"/> to <paramref name="address"/>.</summary>
    public Task WriteMemoryAsync(uint address, ReadOnlyMemory<byte> data, MBootMemoryId memoryId, CancellationToken cancellationToken) =>
        WriteMemoryAsync(address, data, memoryId, null, cancellationToken);

    /// <summary>
    /// <c>write-memory</c>: writes <paramref name="data"/> to <paramref name="address"/> in packets
    /// of the device's max packet size, reporting the bytes sent so far to <paramref name="progress"/>.
    /// When the device aborts (e.g. 10203 MemoryCumulativeWrite, 20106) the sending stops and its
    /// status is thrown as an <see cref="MBootCommandException"/>.
    /// </summary>
    public Task WriteMemoryAsync(
        uint address, ReadOnlyMemory<byte> data, MBootMemoryId memoryId, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("Nothing to write.", nameof(data));
        }

        var command = new MBootCommand(MBootCommandTag.WriteMemory, true, [address, (uint)data.Length, (uint)memoryId]);
        return RunAsync(
            async token =>
            {
                var packetSize = await GetDataPacketSizeAsync(token);
                await WriteDataPhaseAsync(command, data, packetSize, _options.ResponseTimeout, progress, token);
            },
            cancellationToken);
    }

    /// <summary><c>fill-memory</c>: fills <paramref name="byteCount"/> bytes from <paramref name="address"/> with the 32-bit <paramref name="pattern"/>.</summary>
    public Task FillMemoryAsync(uint address, int byteCount, uint pattern, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        var command = new MBootCommand(MBootCommandTag.FillMemory, false, [address, (uint)byteCount, pattern]);
        return RunAsync(token => RunGenericAsync(command, _options.ResponseTimeout, token), cancellationToken);
    }

    /// <summary>
    /// <c>configure-memory</c>: configures <paramref name="memoryId"/> from the configuration block
    /// (option words, a full FCB, or 0xF000000F) at <paramref name="configAddress"/> in RAM. On the
    /// wire the memory ID comes first (PROTOCOLS.md 3.2).
    /// </summary>
    public Task ConfigureMemoryAsync(MBootMemoryId memoryId, uint configAddress, CancellationToken cancellationToken)
    {
        var command = new MBootCommand(MBootCommandTag.ConfigureMemory, false, [(uint)memoryId, configAddress]);
        return RunAsync(token => RunGenericAsync(command, _options.ConfigureMemoryTimeout, token), cancellationToken);
    }

    /// <summary><c>flash-read-resource</c>: reads <paramref name="byteCount"/> bytes of a flash resource (<paramref name="option"/> selects which).</summary>
    public async Task<byte[]> FlashReadResourceAsync(uint address, int byteCount, uint option, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        var data = new byte[byteCount];
        var command = new MBootCommand(MBootCommandTag.FlashReadResource, false, [address, (uint)byteCount, option]);
        await RunAsync(token => ReadDataPhaseAsync(command, MBootResponseTag.FlashReadResource, data, null, token), cancellationToken);
        return data;
    }
}
