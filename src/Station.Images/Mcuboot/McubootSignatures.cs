using Station.Images.Signing;

namespace Station.Images.Mcuboot;

/// <summary>
/// What MCUboot signs with each algorithm (IMAGES.md B.1, imgtool keys/*.py): RSA-PSS and ECDSA sign
/// the hashed region (hashing it themselves), Ed25519 signs the region's digest as its message unless
/// the image carries SIG_PURE, in which case it signs the region itself.
/// </summary>
internal static class McubootSignatures
{
    public static McubootTlvType TlvType(SignatureAlgorithm algorithm) => algorithm switch
    {
        SignatureAlgorithm.Rsa2048Pss => McubootTlvType.Rsa2048Pss,
        SignatureAlgorithm.Rsa3072Pss => McubootTlvType.Rsa3072Pss,
        SignatureAlgorithm.EcdsaP256 or SignatureAlgorithm.EcdsaP384 => McubootTlvType.EcdsaSignature,
        SignatureAlgorithm.Ed25519 => McubootTlvType.Ed25519,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown algorithm"),
    };

    public static bool IsSignature(McubootTlvType type) =>
        type is McubootTlvType.Rsa2048Pss or McubootTlvType.Rsa3072Pss or McubootTlvType.EcdsaSignature or McubootTlvType.Ed25519 or McubootTlvType.Ecdsa224;

    public static byte[] Sign(SigningKey key, ReadOnlySpan<byte> region, ReadOnlySpan<byte> digest, bool padSignature)
    {
        var signature = key.Algorithm == SignatureAlgorithm.Ed25519 ? key.Sign(digest) : key.Sign(region);
        if (padSignature && key.Algorithm is SignatureAlgorithm.EcdsaP256 or SignatureAlgorithm.EcdsaP384)
        {
            // imgtool --pad-sig: zero-pad the DER to its maximum length.
            var maximum = key.Algorithm == SignatureAlgorithm.EcdsaP256 ? 72 : 104;
            Array.Resize(ref signature, Math.Max(maximum, signature.Length));
        }

        return signature;
    }

    public static bool Verify(SigningKey key, ReadOnlySpan<byte> region, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, bool pure) =>
        key.Algorithm == SignatureAlgorithm.Ed25519 && !pure ? key.Verify(digest, signature) : key.Verify(region, signature);
}
