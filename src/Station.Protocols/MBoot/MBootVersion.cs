using System.Globalization;

namespace Station.Protocols.MBoot;

/// <summary>
/// MCUBOOT <c>standard_version_t</c>: name &lt;&lt; 24 | major &lt;&lt; 16 | minor &lt;&lt; 8 | bugfix
/// (PROTOCOLS.md 5). 0x4B020100 is "K2.1.0"; the UART ping reports the protocol as "P1.2.0".
/// </summary>
/// <param name="Mark">The name letter ('K' bootloader, 'P' serial protocol, 'T' target), or '\0'.</param>
/// <param name="Major">Major version.</param>
/// <param name="Minor">Minor version.</param>
/// <param name="Bugfix">Bugfix version.</param>
public sealed record MBootVersion(char Mark, byte Major, byte Minor, byte Bugfix)
{
    /// <summary>Decodes the 32-bit property value.</summary>
    public static MBootVersion FromUInt32(uint value) =>
        new((char)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);

    /// <summary>The 32-bit property value.</summary>
    public uint ToUInt32() => ((uint)(byte)Mark << 24) | ((uint)Major << 16) | ((uint)Minor << 8) | Bugfix;

    /// <summary>As blhost prints it: <c>K2.1.0</c> (no letter when the mark is 0).</summary>
    public override string ToString() =>
        Mark == '\0'
            ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Bugfix}")
            : string.Create(CultureInfo.InvariantCulture, $"{Mark}{Major}.{Minor}.{Bugfix}");
}
