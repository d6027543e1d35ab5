namespace Station.Images.Mcuboot;

/// <summary>TLV types (mcuboot image.h and imgtool image.py; IMAGES.md B.1).</summary>
public enum McubootTlvType : ushort
{
    /// <summary>Hash of the public key (SHA-256; SHA-384 with P-384).</summary>
    KeyHash = 0x01,
    /// <summary>The public key itself (--public-key-format full).</summary>
    PublicKey = 0x02,
    /// <summary>PSA key id.</summary>
    KeyId = 0x03,
    /// <summary>SHA-256 of the hashed region.</summary>
    Sha256 = 0x10,
    /// <summary>SHA-384 of the hashed region.</summary>
    Sha384 = 0x11,
    /// <summary>SHA-512 of the hashed region.</summary>
    Sha512 = 0x12,
    /// <summary>RSA-2048 PSS signature.</summary>
    Rsa2048Pss = 0x20,
    /// <summary>ECDSA P-224 (no longer supported).</summary>
    Ecdsa224 = 0x21,
    /// <summary>ECDSA P-256/P-384 DER signature.</summary>
    EcdsaSignature = 0x22,
    /// <summary>RSA-3072 PSS signature.</summary>
    Rsa3072Pss = 0x23,
    /// <summary>Ed25519 signature.</summary>
    Ed25519 = 0x24,
    /// <summary>The signature covers the region itself, not its digest.</summary>
    SignaturePure = 0x25,
    /// <summary>AES key wrapped with RSA-OAEP.</summary>
    EncRsa2048 = 0x30,
    /// <summary>AES-KW wrapped key.</summary>
    EncKw = 0x31,
    /// <summary>ECIES-P256 wrapped key.</summary>
    EncEc256 = 0x32,
    /// <summary>ECIES-X25519 wrapped key.</summary>
    EncX25519 = 0x33,
    /// <summary>ECIES-X25519 with SHA-512.</summary>
    EncX25519Sha512 = 0x34,
    /// <summary>Dependency on another image's version (protected).</summary>
    Dependency = 0x40,
    /// <summary>Security counter (protected).</summary>
    SecurityCounter = 0x50,
    /// <summary>Measured boot record (protected, CBOR).</summary>
    BootRecord = 0x60,
    /// <summary>Decompressed size.</summary>
    DecompressedSize = 0x70,
    /// <summary>Hash of the decompressed image.</summary>
    DecompressedSha = 0x71,
    /// <summary>Signature of the decompressed image.</summary>
    DecompressedSignature = 0x72,
    /// <summary>Compressed and decrypted size.</summary>
    CompressedDecryptedSize = 0x73,
    /// <summary>Vendor UUID (protected).</summary>
    UuidVendor = 0x74,
    /// <summary>Class UUID (protected).</summary>
    UuidClass = 0x75,
}
