using System.Security.Cryptography;
using Station.Images.Signing;

namespace Station.Images.Mcuboot;

/// <summary>
/// Checks an MCUboot image as the bootloader does: the hash TLV over header, payload and protected
/// TLVs, then, with a key, the key hash (or embedded key) and the signature (IMAGES.md B.1).
/// </summary>
public static class McubootVerifier
{
    /// <summary>Verifies the hash, and the signature when <paramref name="key"/> is given.</summary>
    /// <exception cref="ImageSignatureException">Missing or wrong hash, image signed with another key or algorithm, or a bad signature.</exception>
    public static McubootVerification Verify(McubootImage image, SigningKey? key)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.HashTlv is not { } hashTlv)
        {
            throw new ImageSignatureException(image.Name, "the image has no SHA256/SHA384/SHA512 TLV");
        }

        var digest = image.ComputeDigest(hashTlv.Algorithm);
        if (!hashTlv.Tlv.Value.Span.SequenceEqual(digest))
        {
            throw new ImageSignatureException(image.Name, $"hash mismatch: the {hashTlv.Tlv.TypeName} TLV says {Convert.ToHexStringLower(hashTlv.Tlv.Value.Span)}, the image hashes to {Convert.ToHexStringLower(digest)} (corrupt or modified)");
        }

        if (key is null)
        {
            return new McubootVerification(hashTlv.Algorithm, digest, null, null);
        }

        if (hashTlv.Algorithm != key.ImageHashAlgorithm)
        {
            throw new ImageSignatureException(image.Name, $"the image is hashed with {hashTlv.Algorithm.Name}, which a {key.Algorithm} key does not use");
        }

        var expectedType = McubootSignatures.TlvType(key.Algorithm);
        var signatures = image.Tlvs.Where(t => !t.IsProtected && McubootSignatures.IsSignature(t.Type)).ToList();
        if (signatures.Count == 0)
        {
            throw new ImageSignatureException(image.Name, "the image is not signed (no signature TLV)");
        }

        var candidates = signatures.Where(t => t.Type == expectedType).ToList();
        if (candidates.Count == 0)
        {
            throw new ImageSignatureException(image.Name, $"the image is signed with {string.Join(", ", signatures.Select(s => s.TypeName))}, not with a {key.Algorithm} key like {key.Name}");
        }

        var keyHash = CheckKeyIdentity(image, key);
        var pure = image.Find(McubootTlvType.SignaturePure) is { Value.Length: > 0 } flag && flag.Value.Span[0] != 0;
        foreach (var signature in candidates)
        {
            if (McubootSignatures.Verify(key, image.HashedRegion.Span, digest, signature.Value.Span, pure))
            {
                return new McubootVerification(hashTlv.Algorithm, digest, key.Algorithm, keyHash);
            }
        }

        throw new ImageSignatureException(image.Name, $"bad {key.Algorithm} signature: the image was not signed with {key.Name}");
    }

    private static byte[]? CheckKeyIdentity(McubootImage image, SigningKey key)
    {
        var publicKey = key.ExportPublicKey();
        var hashes = image.Tlvs.Where(t => t.Type == McubootTlvType.KeyHash).ToList();
        if (hashes.Count > 0)
        {
            using var hash = IncrementalHash.CreateHash(key.ImageHashAlgorithm);
            hash.AppendData(publicKey);
            var expected = hash.GetHashAndReset();
            return hashes.Any(h => h.Value.Span.SequenceEqual(expected))
                ? expected
                : throw new ImageSignatureException(image.Name, $"signed with a different key: the key hash TLV is {Convert.ToHexStringLower(hashes[0].Value.Span)}, {key.Name} hashes to {Convert.ToHexStringLower(expected)}");
        }

        var embedded = image.Tlvs.Where(t => t.Type == McubootTlvType.PublicKey).ToList();
        if (embedded.Count > 0 && !embedded.Any(e => e.Value.Span.SequenceEqual(publicKey)))
        {
            throw new ImageSignatureException(image.Name, $"signed with a different key: the embedded public key is not {key.Name}");
        }

        return null;
    }
}
