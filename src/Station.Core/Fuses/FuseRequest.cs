namespace Station.Core.Fuses;

/// <summary>
/// What a recipe asks of one fuse word: the bits under <see cref="Mask"/> must read as in
/// <see cref="Value"/>. Bits outside the mask are left as they are.
/// </summary>
/// <param name="Word">The word, from the family's fuse map.</param>
/// <param name="Value">The wanted bits (no bit outside <paramref name="Mask"/>).</param>
/// <param name="Mask">The bits the recipe cares about.</param>
/// <param name="Lock">Also set the word's lock when programming it (efuse-program-once's lock flag).</param>
public sealed record FuseRequest(FuseWordInfo Word, uint Value, uint Mask, bool Lock);
