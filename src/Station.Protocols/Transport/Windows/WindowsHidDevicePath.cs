using System.Globalization;

namespace Station.Protocols.Transport.Windows;

/// <summary>
/// What a HID device interface path says about the device, e.g.
/// <c>\\?\hid#vid_15a2&amp;pid_0073&amp;mi_00&amp;col01#8&amp;1b2c3d4e&amp;0&amp;0000#{4d1e55b2-f16f-11cf-88cb-001111000030}</c>:
/// the hardware ID part (second segment) carries VID, PID, and for composite devices MI (the USB
/// interface number) and COL (the top-level collection). Pure.
/// </summary>
/// <param name="VendorId">USB idVendor.</param>
/// <param name="ProductId">USB idProduct.</param>
/// <param name="InterfaceNumber">The MI_xx value, or -1 when the path has none (a single-interface device).</param>
/// <param name="Collection">The COLxx value, or -1 when the device has one top-level collection.</param>
internal sealed record WindowsHidDevicePath(ushort VendorId, ushort ProductId, int InterfaceNumber, int Collection)
{
    /// <summary>Parses <paramref name="path"/>; null when it does not name a VID/PID (e.g. Bluetooth LE HID).</summary>
    public static WindowsHidDevicePath? TryParse(string path)
    {
        var segments = path.Split('#');
        if (segments.Length < 3)
        {
            return null;
        }

        ushort? vendor = null, product = null;
        int interfaceNumber = -1, collection = -1;
        foreach (var part in segments[1].Split('&'))
        {
            var lower = part.ToLowerInvariant();
            if (lower.StartsWith("vid_", StringComparison.Ordinal) && TryHex(lower[4..], 4, out var v))
            {
                vendor = (ushort)v;
            }
            else if (lower.StartsWith("pid_", StringComparison.Ordinal) && TryHex(lower[4..], 4, out var p))
            {
                product = (ushort)p;
            }
            else if (lower.StartsWith("mi_", StringComparison.Ordinal) && TryHex(lower[3..], 2, out var mi))
            {
                interfaceNumber = mi;
            }
            else if (lower.StartsWith("col", StringComparison.Ordinal) && TryHex(lower[3..], 2, out var col))
            {
                collection = col;
            }
        }

        return vendor is { } vendorId && product is { } productId
            ? new WindowsHidDevicePath(vendorId, productId, interfaceNumber, collection)
            : null;
    }

    private static bool TryHex(string text, int digits, out int value)
    {
        value = 0;
        return text.Length == digits && int.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }
}
