using System.Runtime.Versioning;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;
using Station.Testing;

namespace Station.Protocols.Tests.Transport;

[SupportedOSPlatform("linux")]
public sealed class HidDeviceListsTests
{
    [Fact]
    public void ForCurrentPlatform_OnLinux_IsTheHidrawList()
    {
        Assert.IsType<LinuxHidDeviceList>(HidDeviceLists.ForCurrentPlatform());
    }

    [Fact]
    public async Task ForCurrentPlatform_OnLinux_ListsAndWatchesTheRealSysfsUntilCancelled()
    {
        // The real /sys and a real NETLINK_KOBJECT_UEVENT socket; this machine may have no hidraw device at all.
        var list = HidDeviceLists.ForCurrentPlatform();
        var present = list.GetDevices();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestTimeouts.Unexpected);
        var arrivals = 0;

        var watch = Task.Run(async () =>
        {
            await foreach (var change in list.WatchAsync(cancellation.Token))
            {
                Assert.Equal(HidDeviceChangeKind.Arrived, change.Kind);
                if (++arrivals == present.Count)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        if (present.Count == 0)
        {
            await cancellation.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch);
        Assert.Equal(present.Count, arrivals);
    }
}
