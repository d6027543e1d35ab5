using Microsoft.Extensions.Logging.Abstractions;
using Station.Data.Entities;
using Station.Data.Ledger;
using Station.Data.Recording;

namespace Station.Data.Tests.Recording;

public sealed class RecordJournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("station-journal-test-").FullName;

    [Fact]
    public void Append_ThenReopen_KeepsEveryRecordAndTheHead()
    {
        var records = Chain(1, 50);
        using (var journal = Open())
        {
            journal.Append(records[..20]);
            journal.Append(records[20..]);
        }

        using var reopened = Open();

        Assert.Equal(50, reopened.Head!.Sequence);
        Assert.Equal(records[^1].Hash, reopened.Head.Hash);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), reopened.ReadAfter(0, 1000).Select(r => r.Sequence));
    }

    [Fact]
    public void Open_TornLastEntry_CutsItAndKeepsTheRest()
    {
        var records = Chain(1, 10);
        using (var journal = Open())
        {
            journal.Append(records);
        }

        var segment = SegmentFiles().Single();
        var length = new FileInfo(segment).Length;
        using (var stream = new FileStream(segment, FileMode.Open))
        {
            stream.SetLength(length - 7); // kill -9 in the middle of the last entry's write
        }

        using var reopened = Open();

        Assert.Equal(9, reopened.Head!.Sequence);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), reopened.ReadAfter(0, 100).Select(r => r.Sequence));
        Assert.True(new FileInfo(segment).Length < length - 7);

        // Appending continues cleanly after the cut.
        reopened.Append(Chain(10, 1, reopened.Head));
        Assert.Equal(10, reopened.ReadAfter(0, 100).Count);
    }

    [Fact]
    public void Open_GarbageAfterLastEntry_CutsIt()
    {
        using (var journal = Open())
        {
            journal.Append(Chain(1, 3));
        }

        File.AppendAllText(SegmentFiles().Single(), "\u0010\0\0\0half a header");

        using var reopened = Open();

        Assert.Equal(3, reopened.Head!.Sequence);
        Assert.Equal(3, reopened.ReadAfter(0, 100).Count);
    }

    [Fact]
    public void Open_LastEntryChecksumWrong_CutsIt()
    {
        using (var journal = Open())
        {
            journal.Append(Chain(1, 4));
        }

        var segment = SegmentFiles().Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[^2] ^= 0x5A; // a torn sector inside the last payload
        File.WriteAllBytes(segment, bytes);

        using var reopened = Open();

        Assert.Equal(3, reopened.Head!.Sequence);
    }

    [Fact]
    public void Open_HalfWrittenSegmentHeader_StartsTheSegmentAgain()
    {
        using (var journal = Open())
        {
            journal.Append(Chain(1, 2));
        }

        File.WriteAllBytes(Path.Combine(_folder, "segment-00000002.sjl"), "SJO"u8.ToArray());

        using var reopened = Open();

        Assert.Equal(2, reopened.Head!.Sequence);
        reopened.Append(Chain(3, 1, reopened.Head));
        Assert.Equal([1L, 2, 3], reopened.ReadAfter(0, 10).Select(r => r.Sequence));
    }

    [Fact]
    public void Append_PastSegmentSize_RollsOverAndReleaseDeletesDeliveredSegmentsButNeverTheNewest()
    {
        using var journal = Open(maxSegmentBytes: 4096);
        var records = Chain(1, 60);
        foreach (var chunk in records.Chunk(5))
        {
            journal.Append(chunk);
        }

        Assert.True(journal.SegmentCount > 3);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), journal.ReadAfter(0, 1000).Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(31, 30).Select(i => (long)i), journal.ReadAfter(30, 1000).Select(r => r.Sequence));

        journal.ReleaseDelivered(60);

        Assert.Equal(1, journal.SegmentCount);
        Assert.Single(SegmentFiles());
        Assert.Equal(60, RecordWriter.ReadJournalHead(_folder)!.Sequence); // the head stays on disk
        Assert.Empty(journal.ReadAfter(60, 10));
    }

    [Fact]
    public void ReadAfter_InPages_ReturnsEachRecordOnceInOrder()
    {
        using var journal = Open(maxSegmentBytes: 4096);
        foreach (var chunk in Chain(1, 100).Chunk(7))
        {
            journal.Append(chunk);
        }

        var read = new List<long>();
        for (var after = 0L; ;)
        {
            var page = journal.ReadAfter(after, 9);
            if (page.Count == 0)
            {
                break;
            }

            read.AddRange(page.Select(r => r.Sequence));
            after = page[^1].Sequence;
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), read);
    }

    [Fact]
    public void Open_WhileOpen_IsRefused()
    {
        using var journal = Open();

        Assert.Throws<InvalidOperationException>(() => Open());
    }

    [Fact]
    public void ReadAfter_RecordsComeBackWithTheirContentAndHashes()
    {
        using var journal = Open();
        var written = Chain(1, 3);
        journal.Append(written);

        var read = journal.ReadAfter(0, 10);

        Assert.All(read.Zip(written), pair =>
        {
            Assert.IsType<LogLineRecord>(pair.First);
            Assert.Equal(pair.Second.Hash, pair.First.Hash);
            Assert.Equal(LedgerHash.Compute(pair.First), pair.First.Hash);
            Assert.Equal(((LogLineRecord)pair.Second).Message, ((LogLineRecord)pair.First).Message);
        });
    }

    [Fact]
    public void ReadAfter_EntryLargerThanTheReadChunkAmongSmallOnes_ComesBackWholeAndInOrder()
    {
        // The reader reads 1 MiB chunks from a pool; an entry bigger than that trades the chunk for
        // a bigger one. The writer encodes every batch into one reused buffer: a small batch after a
        // big one must not carry the big one's bytes.
        var records = Chain(1, 5);
        ((LogLineRecord)records[2]).Message = new string('m', 1_500_000);
        records = Rechain(records);
        using (var journal = Open(maxSegmentBytes: 8 << 20))
        {
            journal.Append(records[..3]);
            journal.Append(records[3..]);

            var read = journal.ReadAfter(0, 100);

            Assert.Equal([1L, 2, 3, 4, 5], read.Select(r => r.Sequence));
            Assert.Equal(1_500_000, ((LogLineRecord)read[2]).Message.Length);
            Assert.All(read.Zip(records), pair => Assert.Equal(pair.Second.Hash, LedgerHash.Compute(pair.First)));
            Assert.Equal([4L, 5], journal.ReadAfter(3, 100).Select(r => r.Sequence));
        }

        using var reopened = Open(maxSegmentBytes: 8 << 20); // the start-up scan checks every entry's checksum
        Assert.Equal(5, reopened.Head!.Sequence);
        Assert.Equal(5, reopened.ReadAfter(0, 100).Count);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RecordJournal Open(long maxSegmentBytes = 1 << 20) => RecordJournal.Open(_folder, maxSegmentBytes, NullLogger.Instance);

    private string[] SegmentFiles() => Directory.GetFiles(_folder, "segment-*.sjl").Order().ToArray();

    private static LedgerRecord[] Rechain(LedgerRecord[] records)
    {
        var hash = new byte[32];
        foreach (var record in records)
        {
            record.PreviousHash = hash;
            record.Hash = LedgerHash.Compute(record);
            hash = record.Hash;
        }

        return records;
    }

    private static LedgerRecord[] Chain(long first, int count, LedgerHead? previous = null)
    {
        var hash = previous?.Hash ?? new byte[32];
        var records = new LedgerRecord[count];
        for (var i = 0; i < count; i++)
        {
            var record = new LogLineRecord
            {
                StationId = "st",
                Sequence = first + i,
                RecordedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i),
                PreviousHash = hash,
                LoggedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                Level = "information",
                Message = $"line {first + i} " + new string('x', 100),
            };
            record.Hash = LedgerHash.Compute(record);
            hash = record.Hash;
            records[i] = record;
        }

        return records;
    }
}
