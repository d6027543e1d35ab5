using System.Globalization;
using System.Text.RegularExpressions;

namespace Station.Images.Mcuboot;

/// <summary>An image version <c>major.minor.revision+build</c> (u8, u8, u16, u32), as imgtool's --version takes it.</summary>
/// <param name="Major">0-255.</param>
/// <param name="Minor">0-255.</param>
/// <param name="Revision">0-65535.</param>
/// <param name="Build">0-4294967295.</param>
public sealed partial record McubootVersion(byte Major, byte Minor, ushort Revision, uint Build)
{
    /// <summary>0.0.0+0.</summary>
    public static McubootVersion Zero { get; } = new(0, 0, 0, 0);

    /// <summary>
    /// Parses "1", "1.2", "1.2.3" or "1.2.3+4" (imgtool version.py: no leading zeros, missing parts are 0).
    /// </summary>
    /// <exception cref="FormatException">Not a version, or a part out of range.</exception>
    public static McubootVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = VersionPattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"\"{text}\" is not a version: use major.minor.revision+build, e.g. 1.2.3+0");
        }

        try
        {
            return new McubootVersion(
                byte.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
                match.Groups["minor"].Success ? byte.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture) : (byte)0,
                match.Groups["revision"].Success ? ushort.Parse(match.Groups["revision"].Value, CultureInfo.InvariantCulture) : (ushort)0,
                match.Groups["build"].Success ? uint.Parse(match.Groups["build"].Value, CultureInfo.InvariantCulture) : 0);
        }
        catch (OverflowException ex)
        {
            throw new FormatException($"\"{text}\": major and minor are at most 255, revision 65535, build 4294967295", ex);
        }
    }

    /// <summary>The security counter imgtool's "-s auto" derives: major &lt;&lt; 24 | minor &lt;&lt; 16 | revision.</summary>
    public uint AutoSecurityCounter => ((uint)Major << 24) + ((uint)Minor << 16) + Revision;

    /// <inheritdoc/>
    public override string ToString() => $"{Major}.{Minor}.{Revision}+{Build}";

    [GeneratedRegex(@"^(?<major>[1-9]\d*|0)(\.(?<minor>[1-9]\d*|0)(\.(?<revision>[1-9]\d*|0)(\+(?<build>[1-9]\d*|0))?)?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VersionPattern();
}
