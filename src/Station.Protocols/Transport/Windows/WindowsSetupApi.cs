using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Station.Protocols.Transport.Windows;

/// <summary>setupapi.dll and cfgmgr32.dll: device interface enumeration and device node properties.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class WindowsSetupApi
{
    public const uint DigcfPresent = 0x2;
    public const uint DigcfDeviceInterface = 0x10;
    public const int ErrorNoMoreItems = 259;
    public const int ErrorInsufficientBuffer = 122;
    public const uint CrSuccess = 0;
    public const uint CrBufferSmall = 0x1A;
    public const uint DevpropTypeStringList = 0x2012;

    /// <summary>DEVPKEY_Device_LocationPaths (devpkey.h): {a45c254e-df1c-4efd-8020-67d146a850e0}, 37.</summary>
    public static readonly DevPropKey DeviceLocationPaths = new(new Guid(0xa45c254e, 0xdf1c, 0x4efd, 0x80, 0x20, 0x67, 0xd1, 0x46, 0xa8, 0x50, 0xe0), 37);

    [LibraryImport("setupapi.dll", EntryPoint = "SetupDiGetClassDevsW", SetLastError = true)]
    public static partial nint SetupDiGetClassDevs(in Guid classGuid, char* enumerator, nint hwndParent, uint flags);

    [LibraryImport("setupapi.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetupDiEnumDeviceInterfaces(nint deviceInfoSet, nint deviceInfoData, in Guid interfaceClassGuid, uint memberIndex, ref SpDeviceInterfaceData deviceInterfaceData);

    [LibraryImport("setupapi.dll", EntryPoint = "SetupDiGetDeviceInterfaceDetailW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetupDiGetDeviceInterfaceDetail(
        nint deviceInfoSet, ref SpDeviceInterfaceData deviceInterfaceData, byte* detail, uint detailSize, out uint requiredSize, ref SpDevinfoData deviceInfoData);

    [LibraryImport("setupapi.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetupDiDestroyDeviceInfoList(nint deviceInfoSet);

    [LibraryImport("cfgmgr32.dll")]
    public static partial uint CM_Get_Parent(out uint parentDevInst, uint devInst, uint flags);

    [LibraryImport("cfgmgr32.dll", EntryPoint = "CM_Get_DevNode_PropertyW")]
    public static partial uint CM_Get_DevNode_Property(uint devInst, in DevPropKey propertyKey, out uint propertyType, byte* buffer, ref uint bufferSize, uint flags);

    /// <summary>DEVPKEY_Device_LocationPaths of <paramref name="devInst"/>; empty when it has none.</summary>
    public static IReadOnlyList<string> GetLocationPaths(uint devInst)
    {
        uint size = 0;
        var result = CM_Get_DevNode_Property(devInst, DeviceLocationPaths, out var type, null, ref size, 0);
        if (result != CrBufferSmall || size == 0)
        {
            return [];
        }

        var buffer = new byte[size];
        fixed (byte* pointer = buffer)
        {
            result = CM_Get_DevNode_Property(devInst, DeviceLocationPaths, out type, pointer, ref size, 0);
        }

        return result == CrSuccess && type == DevpropTypeStringList
            ? WindowsLocationPath.SplitMultiString(MemoryMarshal.Cast<byte, char>(buffer.AsSpan(0, (int)size)))
            : [];
    }
}

/// <summary>SP_DEVICE_INTERFACE_DATA (setupapi.h), 32 bytes on 64-bit.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SpDeviceInterfaceData
{
    public uint CbSize;
    public Guid InterfaceClassGuid;
    public uint Flags;
    public nint Reserved;
}

/// <summary>SP_DEVINFO_DATA (setupapi.h), 32 bytes on 64-bit.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SpDevinfoData
{
    public uint CbSize;
    public Guid ClassGuid;
    public uint DevInst;
    public nint Reserved;
}

/// <summary>DEVPROPKEY (devpropdef.h), 20 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct DevPropKey(Guid formatId, uint propertyId)
{
    public readonly Guid FormatId = formatId;
    public readonly uint PropertyId = propertyId;
}
