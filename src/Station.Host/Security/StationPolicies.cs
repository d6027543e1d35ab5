using Microsoft.AspNetCore.Authorization;
using Station.Data.Access;

namespace Station.Host.Security;

/// <summary>
/// The authorization policies: one per set of roles a route or hub method allows (docs/API.md gives
/// each route its roles). Admin is in every set. Anonymous callers get only /healthz and sign-in.
/// </summary>
internal static class StationPolicies
{
    /// <summary>Every signed-in role: slots, runs (read), recipes (read), station, hub, metrics.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Start and cancel runs: operator, mes, engineer, admin.</summary>
    public const string RunControl = "run-control";

    /// <summary>Unit records and exports: qa, engineer, admin.</summary>
    public const string QaRead = "qa-read";

    /// <summary>Create, approve and activate recipes; simulated boards: engineer, admin.</summary>
    public const string Engineering = "engineering";

    /// <summary>Ledger verification: qa, admin.</summary>
    public const string Audit = "audit";

    /// <summary>Users and keys: admin.</summary>
    public const string Administration = "administration";

    /// <summary>The roles of each policy, for the role matrix in tests and docs.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [SignedIn] = AccessRoles.All,
        [RunControl] = [AccessRoles.Operator, AccessRoles.Mes, AccessRoles.Engineer, AccessRoles.Admin],
        [QaRead] = [AccessRoles.Qa, AccessRoles.Engineer, AccessRoles.Admin],
        [Engineering] = [AccessRoles.Engineer, AccessRoles.Admin],
        [Audit] = [AccessRoles.Qa, AccessRoles.Admin],
        [Administration] = [AccessRoles.Admin],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Anything mapped without a policy still needs a signed-in caller.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
