using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Windows;

namespace Station.Protocols.Tests.Transport.Windows;

/// <summary>
/// The Windows layer's pure parts, run on every OS: device interface paths, location paths, error
/// mapping, and the native struct layouts (checked against the Windows SDK sizes for 64-bit).
/// </summary>
public sealed class WindowsPureTests
{
    [Theory]
    [InlineData(@"\\?\hid#vid_1fc9&pid_0135#7&2f3a6c1&0&0000#{4d1e55b2-f16f-11cf-88cb-001111000030}", 0x1FC9, 0x0135, -1, -1)]
    [InlineData(@"\\?\HID#VID_15A2&PID_0073#8&1B2C3D4E&0&0000#{4d1e55b2-f16f-11cf-88cb-001111000030}", 0x15A2, 0x0073, -1, -1)]
    [InlineData(@"\\?\hid#vid_046d&pid_c52b&mi_02&col01#9&3a2b1c0&0&0000#{4d1e55b2-f16f-11cf-88cb-001111000030}", 0x046D, 0xC52B, 2, 1)]
    public void DevicePathParse_UsbHidPaths_GiveIds(string path, int vendor, int product, int interfaceNumber, int collection)
    {
        var parsed = WindowsHidDevicePath.TryParse(path);

        Assert.Equal(new WindowsHidDevicePath((ushort)vendor, (ushort)product, interfaceNumber, collection), parsed);
    }

    [Theory]
    [InlineData(@"\\?\hid#{00001812-0000-1000-8000-00805f9b34fb}_dev_vid&02046d_pid&b023_rev&0011_d3a5c1e2f0a1#a&1b2c3d4e&0&0000#{4d1e55b2-f16f-11cf-88cb-001111000030}")]
    [InlineData(@"\\?\hid#acpi0c50&col01#1&2&3#{4d1e55b2-f16f-11cf-88cb-001111000030}")]
    [InlineData("not a path")]
    public void DevicePathParse_NoUsbIds_ReturnsNull(string path)
    {
        Assert.Null(WindowsHidDevicePath.TryParse(path));
    }

    [Theory]
    [InlineData("PCIROOT(0)#PCI(1400)#USBROOT(0)#USB(4)#USB(2)", "PCIROOT(0)#PCI(1400)#USBROOT(0)-4.2")]
    [InlineData("PCIROOT(0)#PCI(1400)#USBROOT(0)#USB(4)#USB(2)#USB(3)", "PCIROOT(0)#PCI(1400)#USBROOT(0)-4.2.3")]
    [InlineData("PCIROOT(0)#PCI(1400)#USBROOT(0)#USB(4)#USB(2)#USBMI(0)", "PCIROOT(0)#PCI(1400)#USBROOT(0)-4.2")]
    [InlineData("PCIROOT(0)#PCI(0801)#PCI(0004)#USBROOT(0)#USB(11)", "PCIROOT(0)#PCI(0801)#PCI(0004)#USBROOT(0)-11")]
    public void LocationPathToPortPath_UsbLocations_GiveControllerAndPortChain(string locationPath, string portPath)
    {
        Assert.Equal(portPath, WindowsLocationPath.ToPortPath(locationPath));
    }

    [Theory]
    [InlineData("ACPI(_SB_)#ACPI(PCI0)#ACPI(XHC_)#ACPI(RHUB)#ACPI(HS04)")]
    [InlineData("PCIROOT(0)#PCI(1400)#USBROOT(0)")]
    [InlineData("BTHENUM")]
    public void LocationPathToPortPath_NotAUsbPortLocation_ReturnsNull(string locationPath)
    {
        Assert.Null(WindowsLocationPath.ToPortPath(locationPath));
    }

    [Fact]
    public void LocationPathToPortPath_AcpiAndPciForms_PicksTheUsbOne()
    {
        // DEVPKEY_Device_LocationPaths lists the PCI form and the ACPI form of the same place.
        var value = "ACPI(_SB_)#ACPI(PCI0)#ACPI(XHC_)#ACPI(RHUB)#ACPI(HS04)\0PCIROOT(0)#PCI(1400)#USBROOT(0)#USB(4)\0\0";

        var paths = WindowsLocationPath.SplitMultiString(value);

        Assert.Equal(2, paths.Count);
        Assert.Equal("PCIROOT(0)#PCI(1400)#USBROOT(0)-4", WindowsLocationPath.ToPortPath(paths));
    }

    [Theory]
    [InlineData(1167)] // ERROR_DEVICE_NOT_CONNECTED: HID read after unplug
    [InlineData(31)]   // ERROR_GEN_FAILURE
    [InlineData(2)]    // ERROR_FILE_NOT_FOUND: stale interface path
    public void ToException_DeviceGoneErrors_AreDeviceDisconnected(int error)
    {
        Assert.IsType<DeviceDisconnectedException>(WindowsErrors.ToException(error, "dev", "Read", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ToException_OtherError_IsTransportErrorWithTheWin32CodeInside()
    {
        var exception = WindowsErrors.ToException(87, "dev", "Write", TimeSpan.FromSeconds(1)); // ERROR_INVALID_PARAMETER

        Assert.Equal(typeof(DeviceTransportException), exception.GetType());
        Assert.Equal(87, WindowsErrors.Win32ErrorOf(exception.InnerException!));
    }

    [Fact]
    public void Win32ErrorOf_BclIOException_ReadsTheCodeFromTheHResult()
    {
        Assert.Equal(1167, WindowsErrors.Win32ErrorOf(new IOException("gone", unchecked((int)0x8007048F))));
        Assert.Equal(0, WindowsErrors.Win32ErrorOf(new IOException("errno", 5)));
    }

    [Fact]
    public void NativeStructs_HaveTheWindowsSdkSizes()
    {
        Assert.Equal(28, Marshal.SizeOf<Dcb>());
        Assert.Equal(20, Marshal.SizeOf<CommTimeouts>());
        Assert.Equal(12, Marshal.SizeOf<HiddAttributes>());
        Assert.Equal(64, Unsafe.SizeOf<HidpCaps>());
        Assert.Equal(20, Marshal.SizeOf<DevPropKey>());
        if (IntPtr.Size == 8)
        {
            Assert.Equal(32, Marshal.SizeOf<SpDeviceInterfaceData>());
            Assert.Equal(32, Marshal.SizeOf<SpDevinfoData>());
        }
    }

    [Fact]
    public void DcbFlags_AnyStartingState_GiveBinaryNoFlowControlDtrRtsOn()
    {
        var flags = Dcb.WithFlags(uint.MaxValue);

        Assert.Equal(
            Dcb.FBinary | Dcb.FTxContinueOnXoff | Dcb.FDtrControlEnable | Dcb.FRtsControlEnable | (uint.MaxValue << 15),
            flags);
    }
}
