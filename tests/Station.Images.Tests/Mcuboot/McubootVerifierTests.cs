using Station.Images.Mcuboot;
using Station.Images.Signing;
using Station.Testing;

namespace Station.Images.Tests.Mcuboot;

public sealed class McubootVerifierTests
{
    public static TheoryData<string, string, SignatureAlgorithm> Golden => new()
    {
        { "app.signed.ecdsa-p256.bin", "ecdsa-p256.pem", SignatureAlgorithm.EcdsaP256 },
        { "app.signed.ecdsa-p256.bin", "ecdsa-p256.pub.pem", SignatureAlgorithm.EcdsaP256 },
        { "app.signed.ecdsa-p256.pad-confirm.bin", "ecdsa-p256.pem", SignatureAlgorithm.EcdsaP256 },
        { "app.signed.rsa-2048.bin", "rsa-2048.pem", SignatureAlgorithm.Rsa2048Pss },
        { "app.signed.ed25519.bin", "ed25519.pem", SignatureAlgorithm.Ed25519 },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Verify_ImgtoolSignedImage_AcceptsWithItsKey(string image, string keyFile, SignatureAlgorithm algorithm)
    {
        using var key = LoadKey(keyFile);
        var parsed = McubootImage.Parse(SharedTestData.Read($"mcuboot/{image}"), image);
        var result = McubootVerifier.Verify(parsed, key);
        Assert.Equal(algorithm, result.SignatureAlgorithm);

        // imgtool dumpinfo's SHA256 TLV for all of them (same header, payload and no protected TLVs).
        Assert.Equal("901f8c968b14c42fe2c723abd152824121ee1e9c5b85fca56e3449a685c4be2b", Convert.ToHexStringLower(result.Digest));
    }

    [Fact]
    public void Verify_WrongKeyOfTheSameType_ThrowsKeyMismatch()
    {
        using var other = SigningKey.FromPem(System.Text.Encoding.ASCII.GetString(TestKeys.OtherP256Pem()), "other.pem");
        var parsed = McubootImage.Parse(SharedTestData.Read("mcuboot/app.signed.ecdsa-p256.bin"), "app.bin");
        var ex = Assert.Throws<ImageSignatureException>(() => McubootVerifier.Verify(parsed, other));
        Assert.Contains("different key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_KeyOfAnotherAlgorithm_ThrowsNamingBoth()
    {
        using var key = LoadKey("ed25519.pem");
        var parsed = McubootImage.Parse(SharedTestData.Read("mcuboot/app.signed.rsa-2048.bin"), "app.bin");
        var ex = Assert.Throws<ImageSignatureException>(() => McubootVerifier.Verify(parsed, key));
        Assert.Contains("app.bin:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PayloadByteChanged_ThrowsHashMismatch()
    {
        var bytes = SharedTestData.Read("mcuboot/app.signed.ed25519.bin");
        bytes[0x300] ^= 0xFF;
        using var key = LoadKey("ed25519.pem");
        var ex = Assert.Throws<ImageSignatureException>(() => McubootVerifier.Verify(McubootImage.Parse(bytes, "tampered.bin"), key));
        Assert.Contains("hash mismatch", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.signed.ed25519.bin", "ed25519.pem")]
    [InlineData("app.signed.rsa-2048.bin", "rsa-2048.pem")]
    [InlineData("app.signed.ecdsa-p256.bin", "ecdsa-p256.pem")]
    public void Verify_SignatureByteChanged_ThrowsBadSignature(string image, string keyFile)
    {
        var bytes = SharedTestData.Read($"mcuboot/{image}");
        var parsed = McubootImage.Parse(bytes, image);
        var signature = parsed.Tlvs.Single(t => t.Type is McubootTlvType.Ed25519 or McubootTlvType.Rsa2048Pss or McubootTlvType.EcdsaSignature);
        bytes[signature.Offset + 4 + 10] ^= 0x01;
        using var key = LoadKey(keyFile);
        var ex = Assert.Throws<ImageSignatureException>(() => McubootVerifier.Verify(McubootImage.Parse(bytes, image), key));
        Assert.Contains("bad", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoKey_ChecksOnlyTheHash()
    {
        var parsed = McubootImage.Parse(SharedTestData.Read("mcuboot/app.signed.rsa-2048.bin"), "app.bin");
        var result = McubootVerifier.Verify(parsed, null);
        Assert.False(result.SignatureChecked);
    }

    private static SigningKey LoadKey(string file) =>
        SigningKey.FromPem(File.ReadAllText(SharedTestData.PathOf($"mcuboot/{file}")), file);
}
