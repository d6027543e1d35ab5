using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Windows;

/// <summary>hid.dll (hidsdi.h, hidpi.h). The HidD_ functions return BOOLEAN, one byte.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class WindowsHidApi
{
    /// <summary>HIDP_STATUS_SUCCESS (hidpi.h).</summary>
    public const int HidpStatusSuccess = 0x00110000;

    /// <summary>USB string descriptors hold at most 126 UTF-16 characters; the buffer adds the terminator.</summary>
    public const int MaxStringBytes = 127 * sizeof(char);

    [LibraryImport("hid.dll")]
    public static partial void HidD_GetHidGuid(out Guid hidGuid);

    [LibraryImport("hid.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool HidD_GetAttributes(SafeFileHandle device, ref HiddAttributes attributes);

    [LibraryImport("hid.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool HidD_GetSerialNumberString(SafeFileHandle device, char* buffer, uint bufferLength);

    [LibraryImport("hid.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool HidD_GetProductString(SafeFileHandle device, char* buffer, uint bufferLength);

    [LibraryImport("hid.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool HidD_GetPreparsedData(SafeFileHandle device, out nint preparsedData);

    [LibraryImport("hid.dll")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool HidD_FreePreparsedData(nint preparsedData);

    [LibraryImport("hid.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool HidD_SetNumInputBuffers(SafeFileHandle device, uint numberBuffers);

    [LibraryImport("hid.dll")]
    public static partial int HidP_GetCaps(nint preparsedData, out HidpCaps capabilities);

    /// <summary>A HID string (serial number, product) or null when the device has none.</summary>
    public static string? GetString(SafeFileHandle device, bool serialNumber)
    {
        var buffer = stackalloc char[MaxStringBytes / sizeof(char) + 1];
        var ok = serialNumber
            ? HidD_GetSerialNumberString(device, buffer, MaxStringBytes)
            : HidD_GetProductString(device, buffer, MaxStringBytes);
        if (!ok)
        {
            return null;
        }

        buffer[MaxStringBytes / sizeof(char)] = '\0';
        var text = new string(buffer);
        return text.Length == 0 ? null : text;
    }

    /// <summary>The capabilities (report lengths include the report ID byte), or null when hid.dll cannot give them.</summary>
    public static HidpCaps? GetCaps(SafeFileHandle device)
    {
        if (!HidD_GetPreparsedData(device, out var preparsed))
        {
            return null;
        }

        try
        {
            return HidP_GetCaps(preparsed, out var caps) == HidpStatusSuccess ? caps : null;
        }
        finally
        {
            HidD_FreePreparsedData(preparsed);
        }
    }
}

/// <summary>HIDD_ATTRIBUTES (hidsdi.h), 12 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct HiddAttributes
{
    public uint Size;
    public ushort VendorId;
    public ushort ProductId;
    public ushort VersionNumber;
}

/// <summary>HIDP_CAPS (hidpi.h), 64 bytes. Report byte lengths include the report ID byte (0 when unused).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct HidpCaps
{
    public ushort Usage;
    public ushort UsagePage;
    public ushort InputReportByteLength;
    public ushort OutputReportByteLength;
    public ushort FeatureReportByteLength;
    public fixed ushort Reserved[17];
    public ushort NumberLinkCollectionNodes;
    public ushort NumberInputButtonCaps;
    public ushort NumberInputValueCaps;
    public ushort NumberInputDataIndices;
    public ushort NumberOutputButtonCaps;
    public ushort NumberOutputValueCaps;
    public ushort NumberOutputDataIndices;
    public ushort NumberFeatureButtonCaps;
    public ushort NumberFeatureValueCaps;
    public ushort NumberFeatureDataIndices;
}
