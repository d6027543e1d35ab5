using Station.Images.Arm;

namespace Station.Images.Lint;

public static partial class McubootHeaderLinter
{
    private const uint CandidateAlignment = 0x80;

    /// <summary>
    /// IMAGES.md B.2 step 6: for candidate link addresses L of the table found at file offset k,
    /// map each distinct handler to file offset k + (h − 1 − L) and score how much the bytes there
    /// look like the start of Thumb code. The best L is the link address; null when the reset
    /// handler never lands on code. Candidates are the 128-byte multiples that keep the reset
    /// handler inside the payload, plus <paramref name="extraCandidates"/>.
    /// </summary>
    private static (uint? Link, bool Ambiguous) InferLinkAddress(ReadOnlySpan<byte> bytes, int k, int end, CortexMVectorTable table, uint[] extraCandidates)
    {
        var resetTarget = (long)table.Reset - 1;
        var span = end - k;
        var candidates = new SortedSet<long>(extraCandidates.Select(c => (long)c));
        var lowest = Math.Max(0, resetTarget - span + 2);
        for (var l = resetTarget / CandidateAlignment * CandidateAlignment; l >= lowest; l -= CandidateAlignment)
        {
            candidates.Add(l);
        }

        var handlers = table.Handlers.Where(h => (h & 1) == 1).ToList();
        long? best = null;
        var bestScore = 0;
        var ties = new List<long>();
        foreach (var l in candidates)
        {
            var resetScore = ScoreTarget(bytes, k, end, table.Reset, l);
            if (resetScore == 0)
            {
                continue;
            }

            var score = 0;
            foreach (var handler in handlers)
            {
                score += ScoreTarget(bytes, k, end, handler, l);
            }

            if (score > bestScore)
            {
                best = l;
                bestScore = score;
                ties.Clear();
                ties.Add(l);
            }
            else if (score == bestScore)
            {
                ties.Add(l);
            }
        }

        if (best is null)
        {
            return (null, false);
        }

        if (ties.Count > 1)
        {
            // Prefer where MCUboot runs the table, then where it sits (the extra candidates, in order).
            var preferred = extraCandidates.Select(c => (long)c).FirstOrDefault(ties.Contains, ties[0]);
            return ((uint)preferred, true);
        }

        return ((uint)best.Value, false);
    }

    private static int ScoreTarget(ReadOnlySpan<byte> bytes, int k, int end, uint handler, long link)
    {
        var offset = k + ((long)handler - 1 - link);
        return offset >= k && offset + 2 <= end ? ThumbCode.Score(bytes[(int)offset..end]) : 0;
    }
}
