namespace Station.Protocols.MBoot;

/// <summary>
/// Timeouts and packet size for <see cref="MBootClient"/>. Erase timeouts grow with the number of
/// bytes erased: the flashloader answers an erase only after erasing and blank-checking the whole
/// range (PROTOCOLS.md 6.3), and over UART even its ACK waits for that (2.4).
/// </summary>
public sealed class MBootClientOptions
{
    /// <summary>
    /// How long the device may take to answer a command that does no flash work, and to take (or,
    /// over UART, acknowledge) each data packet. SPSDK's default is 5 s.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Fixed part of an erase's timeout.</summary>
    public TimeSpan EraseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Added to <see cref="EraseTimeout"/> per MiB erased. NOR sector erase is ~11 s/MiB typical and
    /// up to ~100 s/MiB worst case for 4 KiB sectors (datasheet maxima of 45/400 ms per sector);
    /// 30 s/MiB covers typical parts with margin, including the flashloader's blank check.
    /// </summary>
    public TimeSpan EraseTimePerMebibyte { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Timeout of flash-erase-all when the caller does not give the memory's size; long enough
    /// for a 16 MiB NOR chip erase plus blank check.
    /// </summary>
    public TimeSpan FlashEraseAllTimeout { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Timeout of configure-memory: the flashloader probes the flash (SFDP), and with 0xF000000F
    /// it programs the FlexSPI configuration block.
    /// </summary>
    public TimeSpan ConfigureMemoryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Per-packet timeout of receive-sb-file: the device runs the SB file's commands (erases
    /// included) as the data arrives, so one packet can wait for a whole erase.
    /// </summary>
    public TimeSpan ReceiveSbFilePacketTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Data packet size for write-memory and receive-sb-file. Null: ask the device once per session
    /// (get-property 0x0B), falling back to 32 bytes when it does not know the property (PROTOCOLS.md 1.2).
    /// </summary>
    public int? MaxPacketSize { get; set; }

    /// <summary>Timeout of the best-effort abort sent when the caller cancels a host→device data phase.</summary>
    public TimeSpan AbortTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The erase timeout for <paramref name="byteCount"/> bytes.</summary>
    public TimeSpan GetEraseTimeout(long byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        const double BytesPerMebibyte = 1024 * 1024;
        return EraseTimeout + (EraseTimePerMebibyte * (byteCount / BytesPerMebibyte));
    }

    internal void Validate()
    {
        RequirePositive(ResponseTimeout, nameof(ResponseTimeout));
        RequirePositive(EraseTimeout, nameof(EraseTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(EraseTimePerMebibyte, TimeSpan.Zero, nameof(EraseTimePerMebibyte));
        RequirePositive(FlashEraseAllTimeout, nameof(FlashEraseAllTimeout));
        RequirePositive(ConfigureMemoryTimeout, nameof(ConfigureMemoryTimeout));
        RequirePositive(ReceiveSbFilePacketTimeout, nameof(ReceiveSbFilePacketTimeout));
        RequirePositive(AbortTimeout, nameof(AbortTimeout));
        if (MaxPacketSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(MaxPacketSize));
        }
    }

    private static void RequirePositive(TimeSpan value, string name) =>
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
}
