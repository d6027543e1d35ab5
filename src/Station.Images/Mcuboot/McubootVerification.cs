using System.Security.Cryptography;
using Station.Images.Signing;

namespace Station.Images.Mcuboot;

/// <summary>The result of a successful <see cref="McubootVerifier.Verify"/>.</summary>
/// <param name="HashAlgorithm">The image hash algorithm.</param>
/// <param name="Digest">The image digest (what <c>imgtool verify</c> prints and SMP reports as the image hash).</param>
/// <param name="SignatureAlgorithm">The verified signature's algorithm; null when no key was given (hash only).</param>
/// <param name="KeyHash">The key hash TLV that matched the key, if the image has one.</param>
public sealed record McubootVerification(HashAlgorithmName HashAlgorithm, byte[] Digest, SignatureAlgorithm? SignatureAlgorithm, byte[]? KeyHash)
{
    /// <summary>Whether a signature was checked (not only the hash).</summary>
    public bool SignatureChecked => SignatureAlgorithm is not null;
}
