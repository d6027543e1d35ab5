namespace Station.Testing;

/// <summary>
/// Seeded mutations of valid inputs for the parser fuzz tests: bit flips, random and boundary bytes
/// (0x00, 0xFF, 0x7F, 0x80, common in length and count fields), truncation, extension, repeated
/// and removed slices, and sometimes random bytes outright. The same seed gives the same cases.
/// Used by the fuzz tests of the protocol, image and recipe parsers (issue 8).
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly byte[] Boundaries = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF];

    /// <summary>The number of cases each fuzz test runs: STATION_FUZZ_CASES, or <paramref name="fallback"/>.</summary>
    public static int Cases(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("STATION_FUZZ_CASES"), System.Globalization.CultureInfo.InvariantCulture, out var cases) ? cases : fallback;

    public Random Random { get; } = new(seed);

    /// <summary>One to four mutations of one of <paramref name="seeds"/> (one case in ten: random bytes), at most <paramref name="maxLength"/> bytes.</summary>
    public byte[] Next(IReadOnlyList<byte[]> seeds, int maxLength)
    {
        if (Random.Next(10) == 0)
        {
            var noise = new byte[Random.Next(0, Math.Min(maxLength, 256) + 1)];
            Random.NextBytes(noise);
            return noise;
        }

        var bytes = new List<byte>(seeds[Random.Next(seeds.Count)]);
        for (var mutations = Random.Next(1, 5); mutations > 0; mutations--)
        {
            Mutate(bytes);
        }

        return [.. bytes.Take(maxLength)];
    }

    private void Mutate(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : Random.Next(bytes.Count);
        switch (Random.Next(7))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << Random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[at] = Boundaries[Random.Next(Boundaries.Length)];
                break;
            case 2 when bytes.Count > 0:
                bytes[at] = (byte)Random.Next(256);
                break;
            case 3:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 4:
                var extra = new byte[Random.Next(1, 64)];
                Random.NextBytes(extra);
                bytes.InsertRange(at, extra);
                break;
            case 5 when bytes.Count > 0:
                var length = Random.Next(1, Math.Min(16, bytes.Count - at) + 1);
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            case 6 when bytes.Count > 0:
                bytes.RemoveRange(at, Random.Next(1, Math.Min(8, bytes.Count - at) + 1));
                break;
            default:
                bytes.Add((byte)Random.Next(256));
                break;
        }
    }
}
