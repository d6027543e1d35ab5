using Station.Simulator.Timing;

namespace Station.Simulator.Tests.Timing;

/// <summary>The pacer's model clock on fake time: absolute deadlines, overshoot made up, host waits re-synced.</summary>
public sealed class DevicePacerTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void Unscaled_ChargesCountButNeverWait()
    {
        var pacer = new DevicePacer(new FakeTimeProvider(), 0);

        pacer.Charge(DeviceTimeCategory.FlashErase, 45 * Ms);
        var pace = pacer.PaceAsync(TestTimeouts.Unexpected);

        Assert.True(pace.IsCompletedSuccessfully);
        Assert.Equal(45 * Ms, pacer.Snapshot().FlashErase);
    }

    [Fact]
    public async Task LateWakeUp_IsMadeUpByTheNextWaits()
    {
        var time = new FakeTimeProvider();
        var pacer = new DevicePacer(time, 1);
        var waits = new List<TimeSpan>();
        pacer.Waiting += waits.Add;

        pacer.Charge(DeviceTimeCategory.UsbTransfer, 2 * Ms);
        var first = pacer.PaceAsync(TestTimeouts.Unexpected).AsTask();
        time.Advance(5 * Ms); // the timer fired 3 ms late
        await first;
        pacer.Charge(DeviceTimeCategory.UsbTransfer, 2 * Ms);
        var second = pacer.PaceAsync(TestTimeouts.Unexpected);
        pacer.Charge(DeviceTimeCategory.UsbTransfer, 3 * Ms);
        var third = pacer.PaceAsync(TestTimeouts.Unexpected).AsTask();

        Assert.True(second.IsCompletedSuccessfully); // model at 4 ms, clock at 5 ms: nothing owed
        Assert.Equal([2 * Ms, 2 * Ms], waits);       // model at 7 ms: 2 ms to go, not 3
        time.Advance(2 * Ms);
        await third;
    }

    [Fact]
    public async Task HostWait_ClockRestartsFromNowLessTheLagItHad()
    {
        var time = new FakeTimeProvider();
        var pacer = new DevicePacer(time, 1);
        var waits = new List<TimeSpan>();
        pacer.Waiting += waits.Add;
        pacer.Charge(DeviceTimeCategory.UsbTransfer, 2 * Ms);
        var first = pacer.PaceAsync(TestTimeouts.Unexpected).AsTask();
        time.Advance(3 * Ms); // woke 1 ms late
        await first;

        var host = new TaskCompletionSource<int>();
        var read = pacer.HostAsync(new ValueTask<int>(host.Task)).AsTask();
        time.Advance(10 * Ms); // the host took 10 ms
        host.SetResult(7);
        Assert.Equal(7, await read);
        pacer.Charge(DeviceTimeCategory.FlashErase, 45 * Ms);
        var paced = pacer.PaceAsync(TestTimeouts.Unexpected).AsTask();

        Assert.Equal(44 * Ms, waits[^1]); // model resumed at 12 ms (13 - 1 ms lag), erase ends at 57
        time.Advance(44 * Ms);
        await paced;
    }
}
