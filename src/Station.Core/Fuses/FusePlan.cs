namespace Station.Core.Fuses;

/// <summary>
/// Every fuse word a recipe names, classified against what one unit holds. Built before anything
/// is written to the unit; a conflict stops the run there (DESIGN.md step 6).
/// </summary>
public sealed class FusePlan
{
    private FusePlan(IReadOnlyList<FuseWordPlan> words)
    {
        Words = words;
    }

    /// <summary>Every requested word, in the recipe's order.</summary>
    public IReadOnlyList<FuseWordPlan> Words { get; }

    /// <summary>True when any word is a <see cref="FuseDecision.Conflict"/>.</summary>
    public bool HasConflict => Words.Any(w => w.Decision == FuseDecision.Conflict);

    /// <summary>
    /// The words to burn, in a safe order: key material first, then configuration, then the words
    /// that close the device, and the lock word last; by index within a role.
    /// </summary>
    public IReadOnlyList<FuseWordPlan> WritesInBurnOrder =>
        [.. Words.Where(w => w.Decision == FuseDecision.Write).OrderBy(w => w.Request.Word.Role).ThenBy(w => w.Request.Word.Index)];

    /// <summary>Classifies each request against the value read from the unit (keyed by word index).</summary>
    public static FusePlan Classify(IReadOnlyList<FuseRequest> requests, IReadOnlyDictionary<uint, uint> currentValues)
    {
        var words = new List<FuseWordPlan>(requests.Count);
        foreach (var request in requests)
        {
            if (!currentValues.TryGetValue(request.Word.Index, out var current))
            {
                throw new ArgumentException($"No value was read for fuse word {request.Word.Name} (0x{request.Word.Index:X2}).", nameof(currentValues));
            }

            words.Add(new FuseWordPlan(request, current));
        }

        return new FusePlan(words);
    }
}
