using System.Text;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;

namespace Station.Protocols.Tests.Transport.Linux;

/// <summary>The Linux layer's pure parts: errno mapping, uevent and HID_ID parsing.</summary>
public sealed class LinuxPureTests
{
    [Theory]
    [InlineData(19)] // ENODEV: hidraw write after unplug
    [InlineData(5)]  // EIO: hidraw read after unplug, tty after hang-up
    [InlineData(6)]  // ENXIO
    [InlineData(2)]  // ENOENT
    [InlineData(108)] // ESHUTDOWN
    public void ToException_DeviceGoneErrors_AreDeviceDisconnected(int errno)
    {
        var exception = LinuxErrno.ToException(errno, "dev", "Read", TimeSpan.FromSeconds(1));

        var disconnected = Assert.IsType<DeviceDisconnectedException>(exception);
        Assert.Equal(errno, disconnected.InnerException!.HResult);
    }

    [Fact]
    public void ToException_KernelTimeout_IsDeviceTimeoutWithTheCallersTimeout()
    {
        var exception = LinuxErrno.ToException(110, "dev", "Write", TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.IsType<DeviceTimeoutException>(exception).Timeout);
    }

    [Theory]
    [InlineData(71)] // EPROTO: USB protocol error
    [InlineData(32)] // EPIPE: endpoint stalled
    [InlineData(75)] // EOVERFLOW: babble
    public void ToException_OtherErrors_AreTransientTransportErrors(int errno)
    {
        var exception = LinuxErrno.ToException(errno, "dev", "Write", TimeSpan.FromSeconds(1));

        Assert.Equal(typeof(DeviceTransportException), exception.GetType());
        Assert.True(exception.IsTransient);
        Assert.Contains($"errno {errno}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UeventParse_KernelHidrawAdd_GivesActionSubsystemAndName()
    {
        var datagram = Encoding.ASCII.GetBytes(
            "add@/devices/pci0000:00/0000:00:14.0/usb1/1-4/1-4.2/1-4.2:1.0/0003:15A2:0073.0002/hidraw/hidraw0\0"
            + "ACTION=add\0DEVPATH=/devices/pci0000:00/0000:00:14.0/usb1/1-4/1-4.2/1-4.2:1.0/0003:15A2:0073.0002/hidraw/hidraw0\0"
            + "SUBSYSTEM=hidraw\0MAJOR=241\0MINOR=0\0DEVNAME=hidraw0\0SEQNUM=4711\0");

        var message = UeventMessage.TryParse(datagram);

        Assert.NotNull(message);
        Assert.Equal(("add", "hidraw", "hidraw0"), (message.Action, message.Subsystem, message.DevName));
        Assert.EndsWith("/hidraw/hidraw0", message.DevPath, StringComparison.Ordinal);
        Assert.True(message.IsHidrawAddOrRemove);
    }

    [Fact]
    public void UeventParse_UsbInterfaceBind_IsNotAHidrawChange()
    {
        var message = UeventMessage.TryParse(Encoding.ASCII.GetBytes(
            "bind@/devices/pci0000:00/0000:00:14.0/usb1/1-4/1-4.2/1-4.2:1.0\0ACTION=bind\0SUBSYSTEM=usb\0DEVTYPE=usb_interface\0"));

        Assert.NotNull(message);
        Assert.False(message.IsHidrawAddOrRemove);
    }

    [Fact]
    public void UeventParse_UdevMessage_IsIgnored()
    {
        Assert.Null(UeventMessage.TryParse(Encoding.ASCII.GetBytes("libudev\0\xfe\xed\xca\xfe")));
    }

    [Theory]
    [InlineData("0003:00001FC9:00000135", 3, 0x1FC9, 0x0135)]
    [InlineData("0003:15A2:0073.000A", 3, 0x15A2, 0x0073)]
    [InlineData("0018:000004F3:00003140", 0x18, 0x04F3, 0x3140)]
    public void TryParseHidId_UeventAndDirectoryForms_GiveBusVendorProduct(string text, int bus, int vendor, int product)
    {
        Assert.True(LinuxSysfsHidScanner.TryParseHidId(text, out var parsedBus, out var parsedVendor, out var parsedProduct));
        Assert.Equal((bus, vendor, product), (parsedBus, (int)parsedVendor, (int)parsedProduct));
    }

    [Theory]
    [InlineData("hidraw0")]
    [InlineData("0003:XYZ:0135")]
    public void TryParseHidId_Garbage_ReturnsFalse(string text)
    {
        Assert.False(LinuxSysfsHidScanner.TryParseHidId(text, out _, out _, out _));
    }
}
