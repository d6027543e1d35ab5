using System.Security.Cryptography;
using System.Text;

namespace Station.Images.Tests;

/// <summary>Keys made on the fly for tests that need a second key.</summary>
internal static class TestKeys
{
    public static byte[] OtherP256Pem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Encoding.ASCII.GetBytes(ecdsa.ExportPkcs8PrivateKeyPem());
    }

    public static string P384Pem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    public static string Rsa3072Pem()
    {
        using var rsa = RSA.Create(3072);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
