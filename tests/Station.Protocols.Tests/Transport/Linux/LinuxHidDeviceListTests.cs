using System.Runtime.Versioning;
using Station.Protocols.Tests.Transport.Fixtures;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;
using Station.Testing;

namespace Station.Protocols.Tests.Transport.Linux;

[SupportedOSPlatform("linux")]
public sealed class LinuxHidDeviceListTests : IDisposable
{
    private const ushort RomVendor = 0x1FC9;
    private const ushort RomProduct = 0x0135;    // RT1060/RT1064 ROM (PROTOCOLS.md 8)
    private const ushort LoaderVendor = 0x15A2;
    private const ushort LoaderProduct = 0x0073; // flashloader (PROTOCOLS.md 8)

    private readonly SysfsTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void GetDevices_KernelLayout_ListsUsbDevicesWithIdentityPortAndLengths()
    {
        _tree.PlugUsb("1-4.2", RomVendor, RomProduct, hidraw: 0, HidDescriptors.SdpRom, product: "SE Blank RT Family");
        _tree.PlugUsb("1-4.2.3", LoaderVendor, LoaderProduct, hidraw: 1, HidDescriptors.FlashloaderHighSpeed, serial: "0123456789ABCDEF", product: "Kinetis Bootloader");
        _tree.PlugNonUsb("pci0000:00/0000:00:15.0/i2c_designware.0/i2c-0/i2c-ELAN0001:00", bus: 0x18, 0x04F3, 0x3140, hidraw: 2, HidDescriptors.BootKeyboard);
        _tree.PlugNonUsb("virtual/misc/uhid", bus: 0x05, 0x046D, 0xB342, hidraw: 3, HidDescriptors.BootKeyboard);
        _tree.PlugNonUsb("virtual/misc/uhid", bus: 0x03, RomVendor, RomProduct, hidraw: 4, HidDescriptors.SdpRom); // "USB" over uhid: no port
        _tree.PlugUsb("2-1", LoaderVendor, LoaderProduct, hidraw: 10, HidDescriptors.FlashloaderFullSpeed, interfaceNumber: 2);
        var list = new LinuxHidDeviceList(_tree.Sys, _tree.Dev);

        var devices = list.GetDevices();

        Assert.Equal(
            [
                new HidDeviceInfo(Path.Combine(_tree.Dev, "hidraw0"), RomVendor, RomProduct, 0, null, "SE Blank RT Family", "1-4.2", 65, 1025),
                new HidDeviceInfo(Path.Combine(_tree.Dev, "hidraw1"), LoaderVendor, LoaderProduct, 0, "0123456789ABCDEF", "Kinetis Bootloader", "1-4.2.3", 1016, 1016),
                new HidDeviceInfo(Path.Combine(_tree.Dev, "hidraw10"), LoaderVendor, LoaderProduct, 2, null, null, "2-1", 64, 64),
            ],
            devices);
    }

    [Fact]
    public void GetDevices_NoHidrawClass_ReturnsEmpty()
    {
        var list = new LinuxHidDeviceList(Path.Combine(_tree.Root, "elsewhere"), _tree.Dev);

        Assert.Empty(list.GetDevices());
    }

    [Fact]
    public void GetDevices_GarbledReportDescriptor_ListsDeviceWithUnknownLengths()
    {
        _tree.PlugUsb("1-4.2", RomVendor, RomProduct, hidraw: 0, HidDescriptors.SdpRom);
        _tree.SetReportDescriptor(0, [0x85, 0x00, 0x75]);

        var device = Assert.Single(new LinuxHidDeviceList(_tree.Sys, _tree.Dev).GetDevices());

        Assert.Equal((0, 0), (device.MaxInputReportLength, device.MaxOutputReportLength));
        Assert.Equal("1-4.2", device.PortPath);
    }

    [Fact]
    public async Task WatchAsync_RomReenumeratesAsFlashloader_ReportsRemovedThenArrivedOnTheSamePort()
    {
        _tree.PlugUsb("1-4.2", RomVendor, RomProduct, hidraw: 0, HidDescriptors.SdpRom);
        var list = new LinuxHidDeviceList(_tree.Sys, _tree.Dev);
        await using var changes = list.WatchAsync(TestTimeouts.Unexpected).GetAsyncEnumerator();

        var present = await NextAsync(changes);
        Assert.Equal((HidDeviceChangeKind.Arrived, RomProduct, "1-4.2"), (present.Kind, present.Device.ProductId, present.Device.PortPath));

        // SDP jump-address: the ROM drops off the bus and the flashloader enumerates on the same
        // port, taking the free hidraw0 again under a new HID device (sequence .0002).
        _tree.Unplug(0);
        _tree.PlugUsb("1-4.2", LoaderVendor, LoaderProduct, hidraw: 0, HidDescriptors.FlashloaderHighSpeed);

        var removed = await NextAsync(changes);
        var arrived = await NextAsync(changes);
        Assert.Equal((HidDeviceChangeKind.Removed, RomVendor, RomProduct, "1-4.2"), (removed.Kind, removed.Device.VendorId, removed.Device.ProductId, removed.Device.PortPath));
        Assert.Equal((HidDeviceChangeKind.Arrived, LoaderVendor, LoaderProduct, "1-4.2"), (arrived.Kind, arrived.Device.VendorId, arrived.Device.ProductId, arrived.Device.PortPath));
        Assert.Equal(1016, arrived.Device.MaxOutputReportLength);
    }

    [Fact]
    public async Task WatchAsync_DeviceBehindHubArrivesAndLeaves_ReportsBoth()
    {
        var list = new LinuxHidDeviceList(_tree.Sys, _tree.Dev);
        await using var changes = list.WatchAsync(TestTimeouts.Unexpected).GetAsyncEnumerator();
        var first = changes.MoveNextAsync().AsTask();
        Assert.False(first.IsCompleted); // nothing is plugged in

        _tree.PlugUsb("1-4.2.3", LoaderVendor, LoaderProduct, hidraw: 5, HidDescriptors.FlashloaderHighSpeed);
        Assert.True(await first.WaitAsync(TestTimeouts.Unexpected));
        Assert.Equal((HidDeviceChangeKind.Arrived, "1-4.2.3"), (changes.Current.Kind, changes.Current.Device.PortPath));

        _tree.Unplug(5);
        var removed = await NextAsync(changes);
        Assert.Equal((HidDeviceChangeKind.Removed, Path.Combine(_tree.Dev, "hidraw5")), (removed.Kind, removed.Device.Path));
    }

    [Fact]
    public async Task WatchAsync_NonUsbDeviceArrives_IsNotReported()
    {
        var list = new LinuxHidDeviceList(_tree.Sys, _tree.Dev);
        await using var changes = list.WatchAsync(TestTimeouts.Unexpected).GetAsyncEnumerator();
        var next = changes.MoveNextAsync().AsTask();

        _tree.PlugNonUsb("virtual/misc/uhid", bus: 0x05, 0x046D, 0xB342, hidraw: 3, HidDescriptors.BootKeyboard);
        _tree.PlugUsb("1-1", LoaderVendor, LoaderProduct, hidraw: 4, HidDescriptors.FlashloaderHighSpeed);

        // The first change reported is the USB device, whichever rescan saw the Bluetooth one.
        Assert.True(await next.WaitAsync(TestTimeouts.Unexpected));
        Assert.Equal("1-1", changes.Current.Device.PortPath);
    }

    [Fact]
    public async Task OpenAsync_NodeMissing_ThrowsDeviceDisconnectedException()
    {
        _tree.PlugUsb("1-4.2", RomVendor, RomProduct, hidraw: 0, HidDescriptors.SdpRom);
        var list = new LinuxHidDeviceList(_tree.Sys, _tree.Dev);
        var device = Assert.Single(list.GetDevices());

        var exception = await Assert.ThrowsAsync<DeviceDisconnectedException>(() => list.OpenAsync(device, TestTimeouts.Unexpected).AsTask());

        Assert.Equal(device.ToString(), exception.DeviceAddress);
    }

    [Fact]
    public async Task OpenAsync_NodeNowBelongsToTheFlashloader_ThrowsDeviceDisconnectedException()
    {
        _tree.PlugUsb("1-4.2", RomVendor, RomProduct, hidraw: 0, HidDescriptors.SdpRom);
        _tree.CreateDevNode(0);
        var list = new LinuxHidDeviceList(_tree.Sys, _tree.Dev);
        var rom = Assert.Single(list.GetDevices());
        _tree.Unplug(0);
        _tree.PlugUsb("1-4.2", LoaderVendor, LoaderProduct, hidraw: 0, HidDescriptors.FlashloaderHighSpeed);

        var exception = await Assert.ThrowsAsync<DeviceDisconnectedException>(() => list.OpenAsync(rom, TestTimeouts.Unexpected).AsTask());

        Assert.Contains("15A2:0073", exception.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FifoAsNode_MovesReportsWithDescriptorLengths()
    {
        // A FIFO stands in for the hidraw node: the open, identity check and descriptor lookup are
        // the real ones; one write into a FIFO is read back whole, like one report.
        _tree.PlugUsb("1-4.2", LoaderVendor, LoaderProduct, hidraw: 0, HidDescriptors.FlashloaderHighSpeed);
        var node = Path.Combine(_tree.Dev, "hidraw0");
        Assert.Equal(0, TestLibc.MkFifo(node, 0x1B6));
        var list = new LinuxHidDeviceList(_tree.Sys, _tree.Dev);

        await using var transport = await list.OpenAsync(Assert.Single(list.GetDevices()), TestTimeouts.Unexpected);
        await transport.WriteReportAsync(new byte[] { 0x01, 0x00, 0x04, 0x00, 0x07, 0x00, 0x00, 0x01 }, TimeSpan.FromSeconds(1), TestTimeouts.Unexpected);
        var buffer = new byte[transport.MaxInputReportLength];
        var length = await transport.ReadReportAsync(buffer, TimeSpan.FromSeconds(1), TestTimeouts.Unexpected);

        Assert.Equal((1016, 1016), (transport.MaxInputReportLength, transport.MaxOutputReportLength));
        Assert.Equal(new byte[] { 0x01, 0x00, 0x04, 0x00, 0x07, 0x00, 0x00, 0x01 }, buffer[..length]);
    }

    [Fact]
    public async Task OpenAsync_DeviceWithoutReportIds_ReadsWithZeroIdInFront()
    {
        _tree.PlugUsb("3-2", 0x046D, 0xC31C, hidraw: 7, HidDescriptors.BootKeyboard);
        var node = Path.Combine(_tree.Dev, "hidraw7");
        Assert.Equal(0, TestLibc.MkFifo(node, 0x1B6));
        var list = new LinuxHidDeviceList(_tree.Sys, _tree.Dev);
        await using var transport = await list.OpenAsync(Assert.Single(list.GetDevices()), TestTimeouts.Unexpected);

        // What the kernel hands over for an unnumbered report: the 8 data bytes only.
        await File.WriteAllBytesAsync(node, [0x02, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00], TestTimeouts.Unexpected);
        var buffer = new byte[transport.MaxInputReportLength];
        var length = await transport.ReadReportAsync(buffer, TimeSpan.FromSeconds(1), TestTimeouts.Unexpected);

        Assert.Equal(new byte[] { 0x00, 0x02, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00 }, buffer[..length]);
    }

    private static async Task<HidDeviceChange> NextAsync(IAsyncEnumerator<HidDeviceChange> changes)
    {
        Assert.True(await changes.MoveNextAsync().AsTask().WaitAsync(TestTimeouts.Unexpected));
        return changes.Current;
    }
}
