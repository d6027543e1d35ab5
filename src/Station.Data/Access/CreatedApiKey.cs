using Station.Data.Entities;

namespace Station.Data.Access;

/// <summary>A new API key: its stored record and its secret, which is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Secret);
