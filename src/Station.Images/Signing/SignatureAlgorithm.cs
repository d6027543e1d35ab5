namespace Station.Images.Signing;

/// <summary>The signature schemes MCUboot images use (IMAGES.md B.1).</summary>
public enum SignatureAlgorithm
{
    /// <summary>RSASSA-PSS, 2048-bit key, SHA-256, MGF1-SHA-256, 32-byte salt (TLV 0x20).</summary>
    Rsa2048Pss,

    /// <summary>RSASSA-PSS, 3072-bit key, SHA-256, MGF1-SHA-256, 32-byte salt (TLV 0x23).</summary>
    Rsa3072Pss,

    /// <summary>ECDSA on P-256 with SHA-256, DER signature (TLV 0x22).</summary>
    EcdsaP256,

    /// <summary>ECDSA on P-384 with SHA-384, DER signature (TLV 0x22).</summary>
    EcdsaP384,

    /// <summary>Ed25519 (RFC 8032), 64-byte signature (TLV 0x24).</summary>
    Ed25519,
}
