using System.Buffers.Binary;

namespace Station.Protocols.MBoot;

public sealed partial class MBootClient
{
    /// <summary>Bit 24 of the index parameter asks the device to lock the fuse word after programming (PROTOCOLS.md 3.2).</summary>
    private const uint LockFlag = 1u << 24;

    /// <summary><c>efuse-read-once</c>: one 32-bit fuse word at <paramref name="index"/> (OCOTP word index on RT10xx).</summary>
    public async Task<uint> FlashReadOnceAsync(uint index, CancellationToken cancellationToken)
    {
        var data = await FlashReadOnceAsync(index, sizeof(uint), cancellationToken);
        return BinaryPrimitives.ReadUInt32LittleEndian(data);
    }

    /// <summary><c>efuse-read-once</c> of <paramref name="byteCount"/> bytes (4 or 8).</summary>
    public Task<byte[]> FlashReadOnceAsync(uint index, int byteCount, CancellationToken cancellationToken)
    {
        if (byteCount is not (4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(byteCount), byteCount, "A read-once reads 4 or 8 bytes.");
        }

        var command = new MBootCommand(MBootCommandTag.FlashReadOnce, false, [index, (uint)byteCount]);
        return RunAsync(
            async token =>
            {
                var response = Expect<MBootFlashReadOnceResponse>(await ExchangeAsync(command, _options.ResponseTimeout, token), command.Tag);
                ThrowIfFailed(response, command.Tag);
                if (response.Data.Count != byteCount)
                {
                    throw MBootResponse.Violation(
                        DeviceAddress, $"FlashReadOnce of {byteCount} bytes returned {response.Data.Count}.", response.RawBytes);
                }

                return response.Data.ToArray();
            },
            cancellationToken);
    }

    /// <summary>
    /// <c>efuse-program-once</c>: burns <paramref name="value"/> into the fuse word at
    /// <paramref name="index"/>; with <paramref name="lockAfterProgram"/> the device also locks it.
    /// Irreversible. The RT10xx flashloader reads the word back and answers 20201
    /// OCOTP_ProgramFailure when a requested bit did not stick (PROTOCOLS.md 3.4).
    /// </summary>
    public Task FlashProgramOnceAsync(uint index, uint value, bool lockAfterProgram, CancellationToken cancellationToken)
    {
        if (index >= LockFlag)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A fuse index must fit in 24 bits; bit 24 is the lock flag.");
        }

        var command = new MBootCommand(
            MBootCommandTag.FlashProgramOnce, false, [lockAfterProgram ? index | LockFlag : index, sizeof(uint), value]);
        return RunAsync(token => RunGenericAsync(command, _options.ResponseTimeout, token), cancellationToken);
    }

    /// <summary>
    /// <c>receive-sb-file</c>: sends an SB boot file for the device to run, reporting the bytes
    /// sent so far. Each packet may wait up to <see cref="MBootClientOptions.ReceiveSbFilePacketTimeout"/>.
    /// </summary>
    public Task ReceiveSbFileAsync(ReadOnlyMemory<byte> sbFile, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (sbFile.IsEmpty)
        {
            throw new ArgumentException("The SB file is empty.", nameof(sbFile));
        }

        var command = new MBootCommand(MBootCommandTag.ReceiveSbFile, true, [(uint)sbFile.Length]);
        return RunAsync(
            async token =>
            {
                var packetSize = await GetDataPacketSizeAsync(token);
                await WriteDataPhaseAsync(command, sbFile, packetSize, _options.ReceiveSbFilePacketTimeout, progress, token);
            },
            cancellationToken);
    }
}
