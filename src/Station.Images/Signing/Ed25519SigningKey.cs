namespace Station.Images.Signing;

/// <summary>An Ed25519 key (seed and/or public point), using the RFC 8032 implementation in <see cref="Ed25519"/>.</summary>
internal sealed class Ed25519SigningKey : SigningKey
{
    // DER SubjectPublicKeyInfo prefix for id-Ed25519 (1.3.101.112): SEQUENCE { SEQUENCE { OID }, BIT STRING (33 bytes) }.
    private static readonly byte[] SpkiPrefix = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00];

    private readonly byte[]? _seed;
    private readonly byte[] _publicKey;

    public Ed25519SigningKey(byte[]? seed, byte[]? publicKey, string name)
        : base(name)
    {
        _seed = seed;
        _publicKey = publicKey ?? Ed25519.PublicKeyFromSeed(seed ?? throw new ArgumentNullException(nameof(seed)));
    }

    public override SignatureAlgorithm Algorithm => SignatureAlgorithm.Ed25519;

    public override bool HasPrivateKey => _seed is not null;

    /// <summary>The raw 32-byte public key.</summary>
    public ReadOnlySpan<byte> RawPublicKey => _publicKey;

    public override byte[] ExportPublicKey() => [.. SpkiPrefix, .. _publicKey];

    public override byte[] Sign(ReadOnlySpan<byte> message)
    {
        RequirePrivate();
        return Ed25519.Sign(_seed, message);
    }

    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => Ed25519.Verify(_publicKey, message, signature);
}
