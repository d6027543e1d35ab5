using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Station.Images.Signing;

/// <summary>
/// Reads the PEM keys imgtool writes and accepts: "PRIVATE KEY" (PKCS#8), "PUBLIC KEY" (SPKI),
/// "RSA PRIVATE KEY"/"RSA PUBLIC KEY" (PKCS#1) and "EC PRIVATE KEY" (SEC1). The algorithm comes
/// from the key's OID: rsaEncryption 1.2.840.113549.1.1.1, id-ecPublicKey 1.2.840.10045.2.1 with
/// P-256 or P-384, id-Ed25519 1.3.101.112.
/// </summary>
internal static class PemKeyReader
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private const string Ed25519Oid = "1.3.101.112";

    public static SigningKey Read(string pem, string name)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ImageSignatureException(name, "no PEM key found (expected -----BEGIN ... KEY-----)");
        }

        var label = pem[fields.Label];
        byte[] der;
        try
        {
            der = Convert.FromBase64String(pem[fields.Base64Data]);
        }
        catch (FormatException ex)
        {
            throw new ImageSignatureException(name, "the PEM body is not valid base64", ex);
        }

        try
        {
            return label switch
            {
                "PRIVATE KEY" => FromAlgorithm(Pkcs8Algorithm(der), pem, der, isPrivate: true, name),
                "PUBLIC KEY" => FromAlgorithm(SpkiAlgorithm(der), pem, der, isPrivate: false, name),
                "RSA PRIVATE KEY" => Rsa(pem, isPrivate: true, name),
                "RSA PUBLIC KEY" => Rsa(pem, isPrivate: false, name),
                "EC PRIVATE KEY" => Ec(pem, isPrivate: true, name),
                "ENCRYPTED PRIVATE KEY" => throw new ImageSignatureException(name, "the key is password-protected; decrypt it first (openssl pkey -in KEY -out PLAIN.pem)"),
                _ => throw new ImageSignatureException(name, $"unsupported PEM block \"{label}\" (expected a PRIVATE KEY or PUBLIC KEY)"),
            };
        }
        catch (Exception ex) when (ex is CryptographicException or AsnContentException)
        {
            throw new ImageSignatureException(name, $"the key cannot be read: {ex.Message}", ex);
        }
    }

    private static SigningKey FromAlgorithm(string oid, string pem, byte[] der, bool isPrivate, string name) => oid switch
    {
        RsaOid => Rsa(pem, isPrivate, name),
        EcOid => Ec(pem, isPrivate, name),
        Ed25519Oid => isPrivate ? Ed25519Private(der, name) : Ed25519Public(der, name),
        _ => throw new ImageSignatureException(name, $"key algorithm {oid} is not one MCUboot uses (RSA, ECDSA P-256/P-384, Ed25519)"),
    };

    private static RsaPssSigningKey Rsa(string pem, bool isPrivate, string name)
    {
        var rsa = System.Security.Cryptography.RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.KeySize is not (2048 or 3072))
            {
                throw new ImageSignatureException(name, $"RSA-{rsa.KeySize} is not supported by MCUboot (RSA-2048 or RSA-3072)");
            }

            return new RsaPssSigningKey(rsa, isPrivate, name);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static EcdsaSigningKey Ec(string pem, bool isPrivate, string name)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            if (ecdsa.KeySize is not (256 or 384))
            {
                throw new ImageSignatureException(name, $"EC curve of {ecdsa.KeySize} bits is not supported by MCUboot (P-256 or P-384)");
            }

            return new EcdsaSigningKey(ecdsa, isPrivate, name);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    // PKCS#8 OneAsymmetricKey: SEQUENCE { version, SEQUENCE { OID, params? }, OCTET STRING { OCTET STRING seed } }.
    private static Ed25519SigningKey Ed25519Private(byte[] der, string name)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        outer.ReadInteger();
        outer.ReadSequence();
        var inner = new AsnReader(outer.ReadOctetString(), AsnEncodingRules.DER).ReadOctetString();
        if (inner.Length != Ed25519.SeedLength)
        {
            throw new ImageSignatureException(name, $"an Ed25519 private key is {Ed25519.SeedLength} bytes, not {inner.Length}");
        }

        return new Ed25519SigningKey(inner, null, name);
    }

    // SPKI: SEQUENCE { SEQUENCE { OID }, BIT STRING publicKey }.
    private static Ed25519SigningKey Ed25519Public(byte[] der, string name)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        outer.ReadSequence();
        var key = outer.ReadBitString(out _);
        if (key.Length != Ed25519.PublicKeyLength)
        {
            throw new ImageSignatureException(name, $"an Ed25519 public key is {Ed25519.PublicKeyLength} bytes, not {key.Length}");
        }

        return new Ed25519SigningKey(null, key, name);
    }

    private static string Pkcs8Algorithm(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        outer.ReadInteger();
        return outer.ReadSequence().ReadObjectIdentifier();
    }

    private static string SpkiAlgorithm(byte[] der) =>
        new AsnReader(der, AsnEncodingRules.BER).ReadSequence().ReadSequence().ReadObjectIdentifier();
}
