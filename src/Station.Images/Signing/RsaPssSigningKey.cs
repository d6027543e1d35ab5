using System.Security.Cryptography;

namespace Station.Images.Signing;

/// <summary>RSA-2048/3072 with PSS, SHA-256, MGF1-SHA-256 and a 32-byte salt (imgtool keys/rsa.py).</summary>
internal sealed class RsaPssSigningKey : SigningKey
{
    private readonly RSA _rsa;

    public RsaPssSigningKey(RSA rsa, bool hasPrivateKey, string name)
        : base(name)
    {
        _rsa = rsa;
        HasPrivateKey = hasPrivateKey;
        Algorithm = rsa.KeySize == 3072 ? SignatureAlgorithm.Rsa3072Pss : SignatureAlgorithm.Rsa2048Pss;
    }

    public override SignatureAlgorithm Algorithm { get; }

    public override bool HasPrivateKey { get; }

    public override byte[] ExportPublicKey() => _rsa.ExportRSAPublicKey();

    // .NET's PSS uses a salt as long as the hash: 32 bytes for SHA-256, as imgtool does.
    public override byte[] Sign(ReadOnlySpan<byte> message)
    {
        RequirePrivate();
        return _rsa.SignData(message.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
    }

    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == _rsa.KeySize / 8 && _rsa.VerifyData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rsa.Dispose();
        }

        base.Dispose(disposing);
    }
}
