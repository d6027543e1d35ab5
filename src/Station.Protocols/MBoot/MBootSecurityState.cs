namespace Station.Protocols.MBoot;

/// <summary>
/// The security-state property (0x11). On i.MX the flashloader reports HAB: 0 open (unsecure),
/// 1 closed (secure); SPSDK also knows 0x5AA55AA5 (unsecure) and 0xC33CC33C (secure) from other
/// families (PROTOCOLS.md 5).
/// </summary>
/// <param name="RawValue">The property value as sent.</param>
public sealed record MBootSecurityState(uint RawValue)
{
    /// <summary>True secure, false unsecure, null for a value this table does not know.</summary>
    public bool? IsSecure => RawValue switch
    {
        0 or 0x5AA55AA5 => false,
        1 or 0xC33CC33C => true,
        _ => null,
    };
}
