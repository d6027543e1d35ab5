using Microsoft.AspNetCore.Http.Metadata;

namespace Station.Host.Api;

/// <summary>An endpoint's request body limit (Kestrel applies it, and <see cref="Hosting.RequestBodyLimits"/> everywhere else).</summary>
internal sealed record BodyLimit(long Bytes) : IRequestSizeLimitMetadata
{
    /// <summary>JSON requests of the API: small records.</summary>
    public static readonly BodyLimit Json = new(64 * 1024);

    /// <summary>A recipe's YAML text.</summary>
    public static readonly BodyLimit Recipe = new(256 * 1024);

    /// <summary>Anything else (no body expected).</summary>
    public static readonly BodyLimit Default = new(16 * 1024);

    long? IRequestSizeLimitMetadata.MaxRequestBodySize => Bytes;
}
