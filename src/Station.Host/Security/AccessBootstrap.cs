using Microsoft.Extensions.Options;
using Station.Data.Access;
using Station.Host.Hosting;

namespace Station.Host.Security;

/// <summary>
/// First-start access: the configured bootstrap admin key (stored hashed), the demo users of
/// development set-ups, and, when the station still has no admin at all, a generated admin key
/// printed once to the console (never to the log files, which keep no secrets).
/// </summary>
internal sealed partial class AccessBootstrap(AccessStore access, IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<AccessBootstrap> logger)
{
    public const string BootstrapKeyName = "bootstrap-admin";

    /// <summary>Where the one-time secrets go (the console; tests read it).</summary>
    public TextWriter Console { get; set; } = System.Console.Out;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (!string.IsNullOrWhiteSpace(auth.BootstrapAdminKey)
            && await access.EnsureApiKeyAsync(BootstrapKeyName, auth.BootstrapAdminKey.Trim(), AccessRoles.Admin, cancellationToken))
        {
            Log.BootstrapKeyStored(logger, BootstrapKeyName);
        }

        if (auth.DemoUsers)
        {
            var created = new List<string>();
            foreach (var role in AccessRoles.All)
            {
                try
                {
                    await access.CreateUserAsync(role, auth.DemoPassword, role, "demo set-up", cancellationToken);
                    created.Add(role);
                }
                catch (AccessException exception) when (exception.IsConflict)
                {
                    // Already there from an earlier start.
                }
            }

            Log.DemoUsers(logger, string.Join(", ", AccessRoles.All), environment.EnvironmentName);
            await Console.WriteLineAsync(
                $"Station demo accounts ({environment.EnvironmentName} set-up, Auth:DemoUsers): {string.Join(", ", AccessRoles.All)}, "
                + $"each with the password '{auth.DemoPassword}'.");
        }

        if (!await access.HasAdminAsync(cancellationToken))
        {
            var key = await access.CreateApiKeyAsync($"first-start-admin-{DateTime.UtcNow:yyyyMMddHHmmss}", AccessRoles.Admin, "first start", cancellationToken);
            Log.AdminKeyGenerated(logger, key.Record.Name, key.Record.Prefix);
            await Console.WriteLineAsync(
                $"""

                ================================================================================
                 No admin existed, so this admin API key was made. It is shown this once only:

                   {key.Secret}

                 Send it as the X-Api-Key header (POST /api/admin/users makes people, POST
                 /api/admin/keys more keys), or set Auth:BootstrapAdminKey before the first start.
                ================================================================================

                """);
        }
    }
}
