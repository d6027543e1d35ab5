using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;

namespace Station.Data.Access;

/// <summary>
/// People and machine keys of the station service: creates users (PBKDF2 password hashes) and API
/// keys (random 256-bit secrets, stored as SHA-256), checks sign-ins and keys. Used by the host
/// (sign-in, X-Api-Key, admin routes, first-start bootstrap) and by <c>station keys</c>.
/// </summary>
public sealed class AccessStore(IDbContextFactory<StationDbContext> databases, TimeProvider timeProvider)
{
    /// <summary>Every key the store makes starts with this, so a leaked key is easy to recognise.</summary>
    public const string KeyPrefix = "stk_";

    /// <summary>Shortest key accepted when one is given (e.g. <c>Auth:BootstrapAdminKey</c>).</summary>
    public const int MinimumKeyLength = 24;

    private static readonly Lazy<string> DummyHash = new(() => PasswordHash.Create("not a password"));

    /// <summary>Creates a user; throws <see cref="AccessException"/> when the name is taken or invalid.</summary>
    public async Task<UserRecord> CreateUserAsync(string userName, string password, string roles, string? createdBy, CancellationToken cancellationToken)
    {
        var name = ValidName(userName, nameof(userName));
        if (string.IsNullOrEmpty(password) || password.Length < 6 || password.Length > 256)
        {
            throw new AccessException("The password must be 6 to 256 characters.");
        }

        var user = new UserRecord
        {
            UserName = name,
            PasswordHash = PasswordHash.Create(password),
            Roles = AccessRoles.Format(ParseRoles(roles)),
            CreatedAt = Now(),
            CreatedBy = createdBy,
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
        {
            throw new AccessException($"There is already a user named '{name}'.", isConflict: true);
        }

        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>The user when <paramref name="password"/> is theirs and they are not disabled; else null.</summary>
    public async Task<UserRecord?> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName.Trim(), cancellationToken);
        if (user is null)
        {
            // Same work as a real check, so a name's existence does not show in the timing.
            PasswordHash.Verify(password, DummyHash.Value);
            return null;
        }

        return !user.Disabled && PasswordHash.Verify(password, user.PasswordHash) ? user : null;
    }

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
    }

    /// <summary>Creates an API key; the returned secret is shown once and never stored.</summary>
    public async Task<CreatedApiKey> CreateApiKeyAsync(string name, string roles, string? createdBy, CancellationToken cancellationToken)
    {
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = await AddKeyAsync(name, secret, roles, createdBy, cancellationToken);
        return new CreatedApiKey(record, secret);
    }

    /// <summary>
    /// Makes sure <paramref name="secret"/> is a valid key named <paramref name="name"/> with
    /// <paramref name="roles"/> (the bootstrap admin key from configuration); true when it was added now.
    /// </summary>
    public async Task<bool> EnsureApiKeyAsync(string name, string secret, string roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumKeyLength)
        {
            throw new AccessException($"An API key must be at least {MinimumKeyLength} characters.");
        }

        var hash = Hash(secret);
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            if (await db.ApiKeys.AnyAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken))
            {
                return false;
            }
        }

        await AddKeyAsync(name, secret, roles, "configuration", cancellationToken);
        return true;
    }

    /// <summary>The key whose secret is <paramref name="secret"/>, unless unknown or revoked.</summary>
    public async Task<ApiKeyRecord?> FindApiKeyAsync(string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumKeyLength || secret.Length > 512)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes the key named <paramref name="name"/>; false when there is no such active key.</summary>
    public async Task<bool> RevokeApiKeyAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == name && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt = Now();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>True when any active key or enabled user has the admin role (else a first start needs a bootstrap key).</summary>
    public async Task<bool> HasAdminAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).Select(k => k.Roles).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.Disabled).Select(u => u.Roles).ToListAsync(cancellationToken);
        return keys.Concat(users).Any(r => r.Split(',').Contains(AccessRoles.Admin));
    }

    /// <summary>The SHA-256 of a key's text: what api_keys stores (a 256-bit random secret needs no slow hash).</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private async Task<ApiKeyRecord> AddKeyAsync(string name, string secret, string roles, string? createdBy, CancellationToken cancellationToken)
    {
        var keyName = ValidName(name, nameof(name));
        var record = new ApiKeyRecord
        {
            KeyId = Guid.CreateVersion7(timeProvider.GetUtcNow()),
            Name = keyName,
            Roles = AccessRoles.Format(ParseRoles(roles)),
            KeyHash = Hash(secret),
            Prefix = secret[..Math.Min(8, secret.Length)],
            CreatedAt = Now(),
            CreatedBy = createdBy,
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.Name == keyName, cancellationToken))
        {
            throw new AccessException($"There is already an API key named '{keyName}'.", isConflict: true);
        }

        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    private static IReadOnlyList<string> ParseRoles(string roles)
    {
        try
        {
            return AccessRoles.Parse(roles);
        }
        catch (ArgumentException exception)
        {
            throw new AccessException(exception.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }
    }

    private static string ValidName(string name, string what)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 64 || trimmed.Any(char.IsControl))
        {
            throw new AccessException($"The {(what == "userName" ? "user" : "key")} name must be 1 to 64 printable characters.");
        }

        return trimmed;
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
