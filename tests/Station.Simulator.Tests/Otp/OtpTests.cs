using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Otp;

/// <summary>efuse-read-once / efuse-program-once against the OCOTP model (PROTOCOLS 3.4).</summary>
public sealed class OtpTests
{
    private const byte ProgramOnce = 0x0E;
    private const byte ReadOnce = 0x0F;
    private const uint Lock = 1u << 24;

    private static SimulatedBoardOptions Options(string? faults = null) => new()
    {
        Name = "otp-board",
        StartInFlashloader = true,
        Faults = FaultPlan.Parse(faults),
        Fuses = new Dictionary<int, uint> { [0x06] = 0x0000_0010 },
    };

    [Fact]
    public async Task ReadOnce_AnswersAfResponseWithByteCountAndWord()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options());
        await using var _ = rig;

        await host.CommandAsync(ReadOnce, 0x06, 4);

        Assert.Equal(Hex.Of(Wire.Packet(0xAF, 0, 0, 4, 0x10)), Hex.Of(await host.PayloadAsync(3)));
    }

    [Theory]
    [InlineData(0x06u, 8u)]
    [InlineData(0x80u, 4u)]
    public async Task ReadOnce_BadCountOrIndex_4WithNoData(uint index, uint count)
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options());
        await using var _ = rig;

        await host.CommandAsync(ReadOnce, index, count);

        Assert.Equal(Hex.Of(Wire.Packet(0xAF, 0, 4, 0)), Hex.Of(await host.PayloadAsync(3)));
    }

    [Fact]
    public async Task ProgramOnce_BitsOnlyGoFrom0To1()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options());
        await using var _ = rig;

        Assert.Equal(0u, await host.StatusOfAsync(ProgramOnce, 0x06, 4, 0x0000_0003));
        Assert.Equal(0u, await host.StatusOfAsync(ProgramOnce, 0x06, 4, 0x0000_0001));

        Assert.Equal(0x13u, board.ReadFuse(0x06)); // 0x10 burned at manufacture, | 0x03; nothing cleared
        await host.CommandAsync(ReadOnce, 0x06, 4);
        Assert.Equal(0x13u, (await host.ReplyAsync()).Parameters[2]);
        Assert.Equal(TimeSpan.FromMicroseconds(800), board.DeviceTime.OtpProgram);
    }

    [Fact]
    public async Task ProgramOnce_WithLockFlag_LaterProgramFails20201AndWordKeepsItsValue()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options());
        await using var _ = rig;

        Assert.Equal(0u, await host.StatusOfAsync(ProgramOnce, 0x22 | Lock, 4, 0xA5A5_0000));
        Assert.True(board.IsFuseLocked(0x22));

        Assert.Equal(20201u, await host.StatusOfAsync(ProgramOnce, 0x22, 4, 0x0000_00FF));
        Assert.Equal(0xA5A5_0000u, board.ReadFuse(0x22));
    }

    [Theory]
    [InlineData(0x80u, 4u)]
    [InlineData(0x06u, 8u)]
    public async Task ProgramOnce_BadIndexOrCount_4(uint index, uint count)
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options());
        await using var _ = rig;

        Assert.Equal(4u, await host.StatusOfAsync(ProgramOnce, index, count, 1));
    }

    [Fact]
    public async Task ProgramOnce_InjectedPartialBurn_ReadBackCheckAnswers20201()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options("otp20201@1"));
        await using var _ = rig;

        Assert.Equal(20201u, await host.StatusOfAsync(ProgramOnce, 0x23, 4, 0x0000_0300));

        Assert.Equal(0x0000_0200u, board.ReadFuse(0x23)); // the lowest requested bit did not take
        Assert.Equal(0u, await host.StatusOfAsync(ProgramOnce, 0x23, 4, 0x0000_0300)); // a retry burns only what differs
        Assert.Equal(0x0000_0300u, board.ReadFuse(0x23));
        Assert.Equal(FaultKind.OtpFailure, Assert.Single(board.InjectedFaults).Kind);
    }

    [Fact]
    public async Task Fuses_SurviveResetAndUnplug()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options());
        await using var _ = rig;
        Assert.Equal(0u, await host.StatusOfAsync(ProgramOnce, 0x30, 4, 0x8000_0000));

        await rig.Bus.UnplugAsync("1-1.1", TestTimeouts.Unexpected);
        await rig.Bus.PlugAsync("1-1.1", board, TestTimeouts.Unexpected);

        Assert.Equal(0x8000_0000u, board.ReadFuse(0x30));
        Assert.Equal(BoardState.Rom, board.State);
    }
}
