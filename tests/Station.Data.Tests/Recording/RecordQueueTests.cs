using Station.Data.Entities;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests.Recording;

public sealed class RecordQueueTests
{
    [Fact]
    public void Enqueue_PastCapacity_NeitherBlocksNorDropsAndSaysOverloaded()
    {
        var queue = new RecordQueue(capacity: 10);

        var overloadedAt = Enumerable.Range(1, 25).Select(i => queue.Enqueue(Item(i))).ToList();

        Assert.Equal(9, overloadedAt.IndexOf(true)); // the 10th item crosses the mark, once
        Assert.Single(overloadedAt, o => o);
        Assert.True(queue.IsOverloaded);
        Assert.Equal(25, queue.Count);
    }

    [Fact]
    public void TryTake_BelowHalfCapacity_ClearsOverloadAndKeepsOrder()
    {
        var queue = new RecordQueue(capacity: 10);
        for (var i = 1; i <= 25; i++)
        {
            queue.Enqueue(Item(i));
        }

        var taken = new List<PendingRecord>();
        Assert.True(queue.TryTake(taken, 15, out var clearedFirst));
        Assert.False(clearedFirst); // 10 left: still over half
        Assert.True(queue.TryTake(taken, 5, out var clearedSecond));
        Assert.True(clearedSecond);
        Assert.False(queue.IsOverloaded);
        Assert.True(queue.TryTake(taken, 100, out _));
        Assert.False(queue.TryTake(taken, 100, out _));

        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"{i}"), taken.Select(t => ((LogLineRecord)t.Record!).Message));
    }

    [Fact]
    public async Task WaitAsync_ItemArrives_Completes()
    {
        var queue = new RecordQueue(capacity: 4);
        var wait = queue.WaitAsync();
        Assert.False(wait.IsCompleted);

        queue.Enqueue(Item(1));

        await wait.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public void Enqueue_AfterComplete_Throws()
    {
        var queue = new RecordQueue(capacity: 4);
        queue.Enqueue(Item(1));
        queue.Complete();

        Assert.Throws<ObjectDisposedException>(() => queue.Enqueue(Item(2)));
        Assert.False(queue.IsDrained);
        Assert.True(queue.TryTake([], 10, out _));
        Assert.True(queue.IsDrained);
    }

    private static PendingRecord Item(int i) => new(new LogLineRecord { Level = "information", Message = $"{i}" }, null);
}
