using Station.Core.Devices;
using Station.Core.Runs;
using Station.Host.Contracts;
using Station.Host.Hubs;
using Station.Host.Runs;
using Station.Simulator;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>The live board on fake time: progress throttled to one per 100 ms per slot, sequence numbers, the last sample kept.</summary>
public sealed class SlotBoardTests
{
    [Fact]
    public async Task Progress_HundredSamplesInOneSecond_AtMostElevenSentWithRisingSeqAndTheLastKept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var bus = SimulatedUsbBus.WithHub(2);
        var monitor = new DeviceMonitor(bus, [new SlotDefinition("slot 1", "1-1.1"), new SlotDefinition("slot 2", "1-1.2")], time);
        var outbox = new HubOutbox();
        var board = new SlotBoard(monitor, outbox, time);
        var runId = Guid.NewGuid();
        board.Publish(new RunStarted(runId, time.GetUtcNow(), "slot 1", "1-1.1", "r", 1, new string('a', 64), "SN-1", "ana"));
        board.Publish(new StepStarted(runId, time.GetUtcNow(), RunStep.WriteImage, 1, null));

        for (var i = 1; i <= 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            board.Publish(new StepProgress(runId, time.GetUtcNow(), RunStep.WriteImage, i * 1000, 100_000));
            board.FlushProgress();
        }

        board.Publish(new StepEnded(runId, time.GetUtcNow(), RunStep.WriteImage, 1, true, TimeSpan.FromSeconds(1), null, null, null));

        var messages = new List<HubMessage>();
        while (outbox.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        var progress = messages.Where(m => m.Method == "runProgress").Select(m => (RunProgressDto)m.Payload).ToList();
        Assert.InRange(progress.Count, 9, 11);
        Assert.Equal(100_000, progress[^1].Bytes);
        Assert.Equal(1.0, progress[^1].ElapsedSeconds, 3);
        // Every sample waited its interval, except the last, released before the step's end.
        Assert.All(progress.Zip(progress.Skip(1)).SkipLast(1), pair => Assert.True((pair.Second.At - pair.First.At) >= SlotBoard.ProgressInterval));
        var seqs = messages.Select(m => m.Payload switch
        {
            SlotStateDto s => s.Seq,
            RunStepDto s => s.Seq,
            RunProgressDto p => p.Seq,
            _ => -1,
        }).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        Assert.Equal(seqs[^1], board.Slot("slot 1")!.Seq);
        Assert.Equal(0, board.Slot("slot 2")!.Seq);
    }

    [Fact]
    public async Task SlotChanged_RunBeginsThenStepStarts_EachCarriesTheHostTimeOfItsChange()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var bus = SimulatedUsbBus.WithHub(1);
        var monitor = new DeviceMonitor(bus, [new SlotDefinition("slot 1", "1-1.1")], time);
        var outbox = new HubOutbox();
        var board = new SlotBoard(monitor, outbox, time);
        var created = time.GetUtcNow();
        var runId = Guid.NewGuid();
        Assert.Equal(created, board.Slot("slot 1")!.At);

        time.Advance(TimeSpan.FromMilliseconds(250));
        var began = time.GetUtcNow();
        board.Publish(new RunStarted(runId, began, "slot 1", "1-1.1", "r", 1, new string('a', 64), "SN-1", "ana"));
        time.Advance(TimeSpan.FromMilliseconds(40));
        var stepped = time.GetUtcNow();
        board.Publish(new StepStarted(runId, stepped, RunStep.Erase, 1, null));
        time.Advance(TimeSpan.FromMilliseconds(5));
        board.Publish(new StepProgress(runId, time.GetUtcNow(), RunStep.Erase, 10, 100));

        var states = new List<SlotStateDto>();
        while (outbox.Reader.TryRead(out var message))
        {
            if (message.Payload is SlotStateDto state)
            {
                states.Add(state);
            }
        }

        Assert.Equal([began, stepped], states.Select(s => s.At));
        // Progress does not move the slot's time; the snapshot says when its state last changed.
        Assert.Equal(stepped, board.Slot("slot 1")!.At);
    }
}
