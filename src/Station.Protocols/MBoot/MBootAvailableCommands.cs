namespace Station.Protocols.MBoot;

/// <summary>
/// The available-commands property (0x07): bit (tag − 1) is set for each supported command
/// (PROTOCOLS.md 5; MCUBOOT <c>HAS_CMD</c>).
/// </summary>
/// <param name="Mask">The raw bit mask.</param>
public sealed record MBootAvailableCommands(uint Mask)
{
    /// <summary>True when the device lists <paramref name="command"/>.</summary>
    public bool Supports(MBootCommandTag command) =>
        command is >= MBootCommandTag.FlashEraseAll and <= (MBootCommandTag)32 && (Mask & (1u << ((int)command - 1))) != 0;

    /// <summary>The listed commands, by tag.</summary>
    public IReadOnlyList<MBootCommandTag> Commands =>
        Enumerable.Range(1, 32).Select(tag => (MBootCommandTag)tag).Where(Supports).ToArray();
}
