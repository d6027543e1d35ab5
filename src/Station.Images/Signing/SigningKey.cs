using System.Security.Cryptography;

namespace Station.Images.Signing;

/// <summary>
/// A public or private key for signing and verifying images, loaded from PEM (PKCS#8, SPKI,
/// PKCS#1 RSA or SEC1 EC). <see cref="Sign"/> and <see cref="Verify"/> work on a message the way
/// the algorithm defines it: RSA-PSS and ECDSA hash it themselves (SHA-256, SHA-384 for P-384);
/// Ed25519 signs it as it is.
/// </summary>
public abstract class SigningKey : IDisposable
{
    private protected SigningKey(string name) => Name = name;

    /// <summary>The key file, for messages.</summary>
    public string Name { get; }

    /// <summary>The scheme.</summary>
    public abstract SignatureAlgorithm Algorithm { get; }

    /// <summary>Whether the private half is present (needed for <see cref="Sign"/>).</summary>
    public abstract bool HasPrivateKey { get; }

    /// <summary>The hash MCUboot uses for the image and key hash with this key: SHA-384 for P-384, else SHA-256.</summary>
    public HashAlgorithmName ImageHashAlgorithm => Algorithm == SignatureAlgorithm.EcdsaP384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    /// <summary>
    /// The public key as imgtool embeds and hashes it: DER PKCS#1 RSAPublicKey for RSA, DER
    /// SubjectPublicKeyInfo for EC and Ed25519.
    /// </summary>
    public abstract byte[] ExportPublicKey();

    /// <summary>Signs <paramref name="message"/>.</summary>
    /// <exception cref="InvalidOperationException">The key has no private half.</exception>
    public abstract byte[] Sign(ReadOnlySpan<byte> message);

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="message"/>.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    /// <summary>Loads a key from PEM text; <paramref name="name"/> is used in error messages.</summary>
    /// <exception cref="ImageSignatureException">No PEM block, an encrypted key, or a key type or size MCUboot does not use.</exception>
    public static SigningKey FromPem(string pem, string name) => PemKeyReader.Read(pem, name);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the underlying BCL key.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private protected void RequirePrivate()
    {
        if (!HasPrivateKey)
        {
            throw new InvalidOperationException($"{Name} is a public key; signing needs the private key");
        }
    }
}
