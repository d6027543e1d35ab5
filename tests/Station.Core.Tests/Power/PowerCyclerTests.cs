using System.Runtime.Versioning;
using Station.Core.Devices;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;
using Station.Testing;

namespace Station.Core.Power.Tests;

[SupportedOSPlatform("linux")]
public sealed class PowerCyclerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("station-power-").FullName;

    [Theory]
    [InlineData("1-4.2", "bus/usb/devices/1-4:1.0/1-4-port2/disable")]
    [InlineData("1-4.2.3", "bus/usb/devices/1-4.2:1.0/1-4.2-port3/disable")]
    [InlineData("2-1", "bus/usb/devices/2-0:1.0/usb2-port1/disable")]
    public void ControlFile_PortPath_IsTheHubPortsDisableAttribute(string portPath, string expected)
    {
        Assert.Equal(Path.Combine(_root, expected), new LinuxUsbPortPower(_root).ControlFile(portPath));
    }

    [Theory]
    [InlineData("sim:1-1.2")]
    [InlineData("PCIROOT(0)#PCI(1400)")]
    [InlineData("1-x")]
    public void ControlFile_NotAUsbPortPath_IsNull(string portPath)
    {
        Assert.Null(new LinuxUsbPortPower(_root).ControlFile(portPath));
    }

    [Fact]
    public async Task HubPort_PowerCycle_WritesOffThenOnAfterTheOffTime()
    {
        var file = Path.Combine(_root, "bus/usb/devices/1-4:1.0/1-4-port2/disable");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "0");
        var time = new FakeTimeProvider();
        var cycler = new HubPortPowerCycler(new LinuxUsbPortPower(_root), TimeSpan.FromSeconds(2), time);
        var slot = new SlotDefinition("slot 3", "1-4.2");

        Assert.True(cycler.CanPowerCycle(slot));
        var cycle = cycler.PowerCycleAsync(slot, TestTimeouts.Unexpected);
        await WaitUntilAsync(() => File.ReadAllText(file) == "1");
        Assert.False(cycle.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        await cycle.WaitAsync(TestTimeouts.Unexpected);

        Assert.Equal("0", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task HubPort_NoSwitchInSysfs_ThrowsNamingThePort()
    {
        var cycler = new HubPortPowerCycler(new LinuxUsbPortPower(_root), TimeSpan.FromSeconds(1), TimeProvider.System);
        var slot = new SlotDefinition("slot 1", "3-1.4");

        Assert.False(cycler.CanPowerCycle(slot));
        var exception = await Assert.ThrowsAsync<DeviceTransportException>(() => cycler.PowerCycleAsync(slot, TestTimeouts.Unexpected));
        Assert.Contains("3-1.4", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_Placeholders_AreReplacedBySlotAndPort()
    {
        var output = Path.Combine(_root, "cycled.txt");
        var cycler = new CommandPowerCycler("/bin/sh", ["-c", $"echo \"$0 $1\" > {output}", "{slot}", "{port}"], TimeSpan.FromSeconds(10));

        await cycler.PowerCycleAsync(new SlotDefinition("slot 2", "1-1.2"), TestTimeouts.Unexpected);

        Assert.Equal("slot 2 1-1.2", (await File.ReadAllTextAsync(output)).Trim());
    }

    [Fact]
    public async Task Command_ExitsNonZero_ThrowsWithItsErrorOutput()
    {
        var cycler = new CommandPowerCycler("/bin/sh", ["-c", "echo relay board offline >&2; exit 3"], TimeSpan.FromSeconds(10));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => cycler.PowerCycleAsync(new SlotDefinition("slot 2", "1-1.2"), TestTimeouts.Unexpected));

        Assert.Contains("exited with 3: relay board offline", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TestTimeouts.UnexpectedDuration);
        while (!condition())
        {
            await Task.Yield();
            deadline.Token.ThrowIfCancellationRequested();
        }
    }
}
