using System.Security.Cryptography;

namespace Station.Images.Signing;

/// <summary>ECDSA P-256/SHA-256 or P-384/SHA-384 with DER signatures (imgtool keys/ecdsa.py).</summary>
internal sealed class EcdsaSigningKey : SigningKey
{
    private readonly ECDsa _ecdsa;

    public EcdsaSigningKey(ECDsa ecdsa, bool hasPrivateKey, string name)
        : base(name)
    {
        _ecdsa = ecdsa;
        HasPrivateKey = hasPrivateKey;
        Algorithm = ecdsa.KeySize == 384 ? SignatureAlgorithm.EcdsaP384 : SignatureAlgorithm.EcdsaP256;
    }

    public override SignatureAlgorithm Algorithm { get; }

    public override bool HasPrivateKey { get; }

    private HashAlgorithmName Hash => Algorithm == SignatureAlgorithm.EcdsaP384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    public override byte[] ExportPublicKey() => _ecdsa.ExportSubjectPublicKeyInfo();

    public override byte[] Sign(ReadOnlySpan<byte> message)
    {
        RequirePrivate();
        return _ecdsa.SignData(message.ToArray(), Hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        // imgtool --pad-sig appends zeros after the DER SEQUENCE; verify the SEQUENCE itself.
        // Short-form length: a P-384 signature is at most 104 bytes.
        if (signature.Length < 2 || signature[0] != 0x30 || signature[1] > 0x7F || signature[1] + 2 > signature.Length)
        {
            return false;
        }

        var der = signature[..(signature[1] + 2)];
        return _ecdsa.VerifyData(message, der, Hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ecdsa.Dispose();
        }

        base.Dispose(disposing);
    }
}
