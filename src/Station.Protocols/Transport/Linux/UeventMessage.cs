using System.Text;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// A kernel uevent as broadcast on NETLINK_KOBJECT_UEVENT group 1 (lib/kobject_uevent.c):
/// <c>ACTION@DEVPATH\0</c> followed by <c>KEY=VALUE\0</c> pairs (ACTION, DEVPATH, SUBSYSTEM,
/// DEVNAME, SEQNUM, …). Messages from udev (which start with <c>libudev\0</c>) are not parsed.
/// </summary>
internal sealed record UeventMessage(string Action, string DevPath, string? Subsystem, string? DevName)
{
    /// <summary>True for the add and remove of a hidraw node, the events a HID device list rescans on.</summary>
    public bool IsHidrawAddOrRemove => Subsystem == "hidraw" && Action is "add" or "remove";

    /// <summary>Decodes one datagram; null when it is not a kernel uevent.</summary>
    public static UeventMessage? TryParse(ReadOnlySpan<byte> datagram)
    {
        var header = datagram.IndexOf((byte)0);
        var first = header < 0 ? datagram : datagram[..header];
        var at = first.IndexOf((byte)'@');
        if (at <= 0)
        {
            return null;
        }

        string? action = null, devPath = null, subsystem = null, devName = null;
        var rest = header < 0 ? [] : datagram[(header + 1)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)0);
            var field = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            var equals = field.IndexOf((byte)'=');
            if (equals <= 0)
            {
                continue;
            }

            var value = Encoding.UTF8.GetString(field[(equals + 1)..]);
            switch (Encoding.ASCII.GetString(field[..equals]))
            {
                case "ACTION":
                    action = value;
                    break;
                case "DEVPATH":
                    devPath = value;
                    break;
                case "SUBSYSTEM":
                    subsystem = value;
                    break;
                case "DEVNAME":
                    devName = value;
                    break;
                default:
                    break;
            }
        }

        action ??= Encoding.ASCII.GetString(first[..at]);
        devPath ??= Encoding.UTF8.GetString(first[(at + 1)..]);
        return new UeventMessage(action, devPath, subsystem, devName);
    }
}
