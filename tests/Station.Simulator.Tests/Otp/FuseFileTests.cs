using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Otp;

/// <summary>A board's eFuses kept in a file (<see cref="SimulatedBoardOptions.FuseFile"/>): they outlive the board object and its process.</summary>
public sealed class FuseFileTests : IDisposable
{
    private const byte ProgramOnce = 0x0E;
    private const uint Lock = 1u << 24;
    private readonly string _folder = Directory.CreateTempSubdirectory("station-fuse-file-").FullName;

    private string FilePath => Path.Combine(_folder, "board.fuses");

    private SimulatedBoardOptions Options(string name = "fuse-file-board", string? faults = null) => new()
    {
        Name = name,
        StartInFlashloader = true,
        FuseFile = FilePath,
        Faults = FaultPlan.Parse(faults),
    };

    [Fact]
    public async Task FuseFile_BurnsThenNewBoardOnTheFile_StartsWithTheWordsBurnedAndCountsEveryBurn()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options());
        await using (rig)
        {
            Assert.Equal(0u, await host.StatusOfAsync(ProgramOnce, 0x06, 4, 0x0000_0010));
            Assert.Equal(0u, await host.StatusOfAsync(ProgramOnce, 0x22 | Lock, 4, 0x0000_0003));
            Assert.Equal(0x10u, board.ReadFuse(0x06));
        }

        var lines = await File.ReadAllLinesAsync(FilePath);
        Assert.Equal($"station-sim-fuses chip 0x{board.UniqueId:X16}", lines[0]);
        Assert.Equal(["program 6 0x00000010 lock=0 missed=0x00000000", "program 34 0x00000003 lock=1 missed=0x00000000"], lines[1..]);

        await using var again = new SimulatedBoard(BoardFamily.Rt1064, Options());
        Assert.Equal(0x10u, again.ReadFuse(0x06));
        Assert.Equal(0x03u, again.ReadFuse(0x22));
        Assert.True(again.IsFuseLocked(0x22));
        Assert.Equal(new Dictionary<int, int> { [0x06] = 1, [0x22] = 1 }, again.FuseProgramCounts());
    }

    [Fact]
    public async Task FuseFile_PartialBurnFault_KeepsTheMissedBitsUnburnedAfterReplay()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Options(faults: "otp20201@1"));
        await using (rig)
        {
            Assert.Equal(20201u, await host.StatusOfAsync(ProgramOnce, 0x06, 4, 0x0000_0030));
        }

        await using var again = new SimulatedBoard(BoardFamily.Rt1064, Options());
        Assert.Equal(0x20u, again.ReadFuse(0x06));
    }

    [Fact]
    public async Task FuseFile_TornLastLine_IsIgnored()
    {
        await using (new SimulatedBoard(BoardFamily.Rt1064, Options()))
        {
        }

        await File.AppendAllTextAsync(FilePath, "program 6 0x00000010 lock=0 missed=0x00000000\nprogram 7 0x000");

        await using var board = new SimulatedBoard(BoardFamily.Rt1064, Options());
        Assert.Equal(0x10u, board.ReadFuse(0x06));
        Assert.Equal(0u, board.ReadFuse(0x07));
    }

    [Fact]
    public async Task FuseFile_OfAnotherChip_IsRefused()
    {
        await using (new SimulatedBoard(BoardFamily.Rt1064, Options("board a")))
        {
        }

        var exception = Assert.Throws<InvalidDataException>(() => new SimulatedBoard(BoardFamily.Rt1064, Options("board b")));
        Assert.Contains("is not the fuse file of chip", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FuseFile_MalformedLine_IsRefusedWithItsLineNumber()
    {
        await using (new SimulatedBoard(BoardFamily.Rt1064, Options()))
        {
        }

        await File.AppendAllTextAsync(FilePath, "program six 0x10 lock=0 missed=0x0\n");

        var exception = Assert.Throws<InvalidDataException>(() => new SimulatedBoard(BoardFamily.Rt1064, Options()));
        Assert.Contains("line 2", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
