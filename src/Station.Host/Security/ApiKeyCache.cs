using System.Collections.Concurrent;
using Station.Data.Access;
using Station.Data.Entities;

namespace Station.Host.Security;

/// <summary>Recently seen keys by hash (never by their text), for <see cref="ApiKeyAuthenticationHandler"/>.</summary>
internal sealed class ApiKeyCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ApiKeyRecord Record, DateTimeOffset Until)> _keys = new();

    public ApiKeyRecord? Find(string secret, DateTimeOffset now) =>
        _keys.TryGetValue(Convert.ToHexString(AccessStore.Hash(secret)), out var entry) && entry.Until > now ? entry.Record : null;

    public void Add(string secret, ApiKeyRecord record, DateTimeOffset now) =>
        _keys[Convert.ToHexString(AccessStore.Hash(secret))] = (record, now + Lifetime);

    /// <summary>Forgets everything (after a revocation).</summary>
    public void Clear() => _keys.Clear();
}
