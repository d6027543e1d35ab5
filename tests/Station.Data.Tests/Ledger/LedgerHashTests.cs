using System.Reflection;
using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Tests.Ledger;

public sealed class LedgerHashTests
{
    [Fact]
    public void Compute_KnownRecord_MatchesTheDocumentedEncoding()
    {
        var record = new FuseIntentRecord
        {
            StationId = "st",
            Sequence = 7,
            RecordedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1230),
            PreviousHash = new byte[32],
            IntentId = Guid.Parse("01234567-89ab-cdef-0123-456789abcdef"),
            RunId = Guid.Parse("fedcba98-7654-3210-fedc-ba9876543210"),
            ChipUid = "UID1",
            FuseIndex = 24,
            FuseName = "SRK0",
            RequestedValue = 0xDEADBEEF,
            Mask = 0xFFFFFFFF,
            ValueBefore = 0,
            ApprovalReference = null,
        };

        // The encoding written out by hand from docs/DATA.md, so the code and the doc cannot drift apart.
        var expected = new List<byte>();
        expected.AddRange("SLR1"u8.ToArray());
        expected.AddRange(new byte[32]);
        foreach (var item in new[]
        {
            "fuse_intents", "st", "7", "2026-01-02T03:04:05.000123Z",
            "intent_id", "01234567-89ab-cdef-0123-456789abcdef", "run_id", "fedcba98-7654-3210-fedc-ba9876543210",
            "chip_uid", "UID1", "fuse_index", "24", "fuse_name", "SRK0", "requested_value", "3735928559",
            "mask", "4294967295", "value_before", "0", "approval_reference", null,
        })
        {
            if (item is null)
            {
                expected.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
                continue;
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(item);
            expected.AddRange([(byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length]);
            expected.AddRange(bytes);
        }

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(expected.ToArray()), LedgerHash.Compute(record));
    }

    public static TheoryData<Type> RecordTypes() =>
        new(typeof(LedgerRecord).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LedgerRecord)) && !t.IsAbstract));

    /// <summary>A column left out of the canonical encoding would be editable without detection.</summary>
    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Compute_AnyMappedPropertyChanged_ChangesTheHash(Type type)
    {
        var record = (LedgerRecord)Activator.CreateInstance(type)!;
        record.StationId = "st";
        record.PreviousHash = new byte[32];
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name is not nameof(LedgerRecord.Hash))
            .ToList();
        Assert.True(properties.Count >= 7);

        foreach (var property in properties)
        {
            var before = LedgerHash.Compute(record);
            property.SetValue(record, OtherValue(property.PropertyType, property.GetValue(record)));
            Assert.False(before.AsSpan().SequenceEqual(LedgerHash.Compute(record)), $"{type.Name}.{property.Name} is not hashed");
        }
    }

    private static object OtherValue(Type type, object? current)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => (string?)current + "x",
            _ when underlying == typeof(long) => (long)(current ?? 0L) + 1,
            _ when underlying == typeof(int) => (int)(current ?? 0) + 1,
            _ when underlying == typeof(bool) => !(bool)(current ?? false),
            _ when underlying == typeof(Guid) => Guid.NewGuid(),
            _ when underlying == typeof(DateTime) => ((DateTime)(current ?? DateTime.UnixEpoch)).AddTicks(10),
            _ when underlying == typeof(byte[]) => current is byte[] { Length: 32 } bytes ? bytes.Select(b => (byte)(b + 1)).ToArray() : new byte[32],
            _ when underlying.IsEnum => Enum.GetValues(underlying).Cast<object>().First(v => !v.Equals(current)),
            _ => throw new InvalidOperationException($"No other value for {type}."),
        };
    }
}
