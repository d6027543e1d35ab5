using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Station.Core.Recipes;
using Station.Core.Runs;
using Station.Data;
using Station.Data.Entities;
using Station.Host.Contracts;
using Station.Host.Hosting;

namespace Station.Host.Recipes;

/// <summary>
/// Recipe versions as stored (table recipes): each is the YAML text, identified by name, version
/// and the SHA-256 of the text, immutable once stored (a change is a new version). The files a
/// recipe names live in <see cref="StationOptions.RecipesPath"/>; their SHA-256 is stored with the
/// recipe, and a version whose files changed since is refused, so every run of a version writes the
/// same bytes. (A plan is cached once loaded and checked: it holds the checked bytes.) Approvals for fuse burning (who, when, which content) and the station's active
/// recipe are rows of their own. Plans are cached per version.
/// </summary>
internal sealed partial class RecipeCatalog(
    IDbContextFactory<StationDbContext> databases, IOptions<StationOptions> options, HostPaths paths, TimeProvider time, ILogger<RecipeCatalog> logger)
{
    private readonly ConcurrentDictionary<(string Name, int Version), RecipePlan> _plans = new();

    private string StationId => options.Value.Name;

    public async Task<IReadOnlyList<RecipeSummaryDto>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var recipes = await db.Recipes.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Version).ToListAsync(cancellationToken);
        var approvals = await db.RecipeApprovals.AsNoTracking().ToListAsync(cancellationToken);
        var active = await ActiveRowAsync(db, cancellationToken);
        return [.. recipes.Select(r => Summary(r, FirstApproval(approvals, r), active, content: false))];
    }

    public async Task<RecipeSummaryDto?> GetAsync(string name, int version, bool withContent, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var recipe = await db.Recipes.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name && r.Version == version, cancellationToken);
        if (recipe is null)
        {
            return null;
        }

        var approvals = await db.RecipeApprovals.AsNoTracking().Where(a => a.RecipeName == name && a.RecipeVersion == version).ToListAsync(cancellationToken);
        return Summary(recipe, FirstApproval(approvals, recipe), await ActiveRowAsync(db, cancellationToken), withContent);
    }

    /// <summary>
    /// Validates and stores a new version. The same version with the same text is answered with the
    /// stored one (<c>Created</c> false); with other text it is refused.
    /// </summary>
    /// <exception cref="RecipeValidationException">The recipe or a file it names is not valid; every problem listed.</exception>
    /// <exception cref="RecipeConflictException">That name and version is stored with other content.</exception>
    public async Task<(RecipeSummaryDto Summary, bool Created)> AddAsync(byte[] content, string createdBy, CancellationToken cancellationToken)
    {
        var plan = RecipeLoader.Parse(content, "the posted recipe", paths.Recipes);
        var errors = new List<string>();
        if (plan.Name.Length > 128)
        {
            errors.Add("name: at most 128 characters.");
        }

        if (errors.Count > 0)
        {
            throw new RecipeValidationException("the posted recipe", errors);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var existing = await db.Recipes.AsNoTracking().SingleOrDefaultAsync(r => r.Name == plan.Name && r.Version == plan.Version, cancellationToken);
        if (existing is not null)
        {
            if (Convert.ToHexStringLower(existing.Sha256) != plan.ContentSha256)
            {
                throw new RecipeConflictException(
                    $"Recipe {plan.Name} v{plan.Version} is already stored with other content (SHA-256 {Convert.ToHexStringLower(existing.Sha256)}); "
                    + "a stored version never changes: raise the version.");
            }

            return ((await GetAsync(plan.Name, plan.Version, false, cancellationToken))!, false);
        }

        var record = new RecipeRecord
        {
            Name = plan.Name,
            Version = plan.Version,
            Sha256 = Convert.FromHexString(plan.ContentSha256),
            Content = Encoding.UTF8.GetString(content),
            Device = plan.Device.Name,
            BurnsFuses = plan.MayBurnFuses && plan.Fuses.Count > 0,
            FlashloaderSha256 = Convert.FromHexString(plan.Flashloader.Sha256),
            ImageSha256 = Convert.FromHexString(plan.Image.Sha256),
            FcbSha256 = plan.Flash.Fcb is { } fcb ? SHA256.HashData(fcb) : null,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        db.Recipes.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (Summary(record, null, await ActiveRowAsync(db, cancellationToken), content: false), true);
    }

    /// <summary>The validated plan of a stored version, with its files checked against the stored hashes.</summary>
    /// <exception cref="RecipeNotFoundException">No such version is stored.</exception>
    /// <exception cref="RecipeValidationException">The recipe or its files are no longer valid (e.g. a file changed).</exception>
    public async Task<RecipePlan> LoadPlanAsync(string name, int version, CancellationToken cancellationToken)
    {
        if (_plans.TryGetValue((name, version), out var cached))
        {
            return cached;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var recipe = await db.Recipes.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name && r.Version == version, cancellationToken)
            ?? throw new RecipeNotFoundException($"There is no recipe {name} v{version}.");
        var source = $"{name} v{version}";
        var plan = RecipeLoader.Parse(Encoding.UTF8.GetBytes(recipe.Content), source, paths.Recipes);
        var errors = new List<string>();
        Check(errors, "flashloader", plan.Flashloader.Sha256, recipe.FlashloaderSha256);
        Check(errors, "image", plan.Image.Sha256, recipe.ImageSha256);
        if ((plan.Flash.Fcb is null) != (recipe.FcbSha256 is null)
            || (plan.Flash.Fcb is { } fcb && !SHA256.HashData(fcb).AsSpan().SequenceEqual(recipe.FcbSha256)))
        {
            errors.Add("flash.fcb: the FCB file changed since the recipe was stored.");
        }

        if (errors.Count > 0)
        {
            throw new RecipeValidationException(source, errors);
        }

        _plans[(name, version)] = plan;
        return plan;
    }

    /// <summary>The fuse-burn approval of a version (the first one recorded for its content), or null.</summary>
    public async Task<RecipeApprovalRecord?> ApprovalAsync(string name, int version, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var recipe = await db.Recipes.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name && r.Version == version, cancellationToken);
        if (recipe is null)
        {
            return null;
        }

        var approvals = await db.RecipeApprovals.AsNoTracking().Where(a => a.RecipeName == name && a.RecipeVersion == version).ToListAsync(cancellationToken);
        return FirstApproval(approvals, recipe);
    }

    /// <summary>Records an engineer's approval (once per version: approving again returns the first).</summary>
    /// <exception cref="RecipeNotFoundException">No such version is stored.</exception>
    public async Task<RecipeApprovalRecord> ApproveAsync(string name, int version, string approvedBy, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var recipe = await db.Recipes.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name && r.Version == version, cancellationToken)
            ?? throw new RecipeNotFoundException($"There is no recipe {name} v{version}.");
        var approvals = await db.RecipeApprovals.AsNoTracking().Where(a => a.RecipeName == name && a.RecipeVersion == version).ToListAsync(cancellationToken);
        if (FirstApproval(approvals, recipe) is { } existing)
        {
            return existing;
        }

        var approval = new RecipeApprovalRecord
        {
            ApprovalId = Guid.CreateVersion7(time.GetUtcNow()),
            RecipeName = name,
            RecipeVersion = version,
            RecipeSha256 = recipe.Sha256,
            ApprovedBy = approvedBy,
            ApprovedAt = time.GetUtcNow().UtcDateTime,
        };
        db.RecipeApprovals.Add(approval);
        await db.SaveChangesAsync(cancellationToken);
        Log.Approved(logger, name, version, approvedBy);
        return approval;
    }

    /// <summary>Makes a version this station's active recipe (it must load: files unchanged).</summary>
    public async Task<RecipePlan> ActivateAsync(string name, int version, string activatedBy, CancellationToken cancellationToken)
    {
        var plan = await LoadPlanAsync(name, version, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.RecipeActivations.Add(new RecipeActivationRecord
        {
            ActivationId = Guid.CreateVersion7(time.GetUtcNow()),
            StationId = StationId,
            RecipeName = name,
            RecipeVersion = version,
            ActivatedBy = activatedBy,
            ActivatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.Activated(logger, name, version, StationId, activatedBy);
        return plan;
    }

    /// <summary>This station's active recipe version, or null.</summary>
    public async Task<(string Name, int Version)?> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await ActiveRowAsync(db, cancellationToken);
        return row is null ? null : (row.RecipeName, row.RecipeVersion);
    }

    /// <summary>What a run carries as its fuse-burn approval (recorded with every burned word).</summary>
    public static FuseBurnApproval ToFuseApproval(RecipeApprovalRecord approval)
    {
        var reference = $"approval {approval.ApprovalId:D} by {approval.ApprovedBy}";
        return new FuseBurnApproval(reference.Length > 128 ? reference[..128] : reference, approval.ApprovedBy);
    }

    private async Task<RecipeActivationRecord?> ActiveRowAsync(StationDbContext db, CancellationToken cancellationToken) =>
        await db.RecipeActivations.AsNoTracking()
            .Where(a => a.StationId == StationId)
            .OrderByDescending(a => a.ActivatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    private static RecipeApprovalRecord? FirstApproval(IEnumerable<RecipeApprovalRecord> approvals, RecipeRecord recipe) =>
        approvals
            .Where(a => a.RecipeName == recipe.Name && a.RecipeVersion == recipe.Version && a.RecipeSha256.AsSpan().SequenceEqual(recipe.Sha256))
            .OrderBy(a => a.ApprovedAt)
            .FirstOrDefault();

    private static RecipeSummaryDto Summary(RecipeRecord r, RecipeApprovalRecord? approval, RecipeActivationRecord? active, bool content) => new(
        r.Name,
        r.Version,
        Convert.ToHexStringLower(r.Sha256),
        r.Device,
        r.BurnsFuses,
        approval is not null,
        approval?.ApprovedBy,
        approval is null ? null : Runs.RunRecords.Utc(approval.ApprovedAt),
        active is not null && active.RecipeName == r.Name && active.RecipeVersion == r.Version,
        r.CreatedBy,
        Runs.RunRecords.Utc(r.CreatedAt),
        content ? r.Content : null);

    private static void Check(List<string> errors, string what, string actualHex, byte[] stored)
    {
        if (!Convert.FromHexString(actualHex).AsSpan().SequenceEqual(stored))
        {
            errors.Add($"{what}: the file changed since the recipe was stored (SHA-256 was {Convert.ToHexStringLower(stored)}, is {actualHex}).");
        }
    }
}
