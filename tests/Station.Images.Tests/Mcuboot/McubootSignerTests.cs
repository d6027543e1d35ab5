using Station.Images.Formats;
using Station.Images.Mcuboot;
using Station.Images.Signing;
using Station.Testing;

namespace Station.Images.Tests.Mcuboot;

public sealed class McubootSignerTests
{
    // The options the golden images were made with (tests/TestData/mcuboot/README.md).
    private static readonly McubootSignOptions GoldenOptions = new()
    {
        HeaderSize = 0x200,
        PadHeader = true,
        Align = 4,
        Version = McubootVersion.Parse("1.2.3"),
        SlotSize = 0x10000,
    };

    [Fact]
    public void Sign_Ed25519_WholeImageIsByteIdenticalToImgtool()
    {
        // Ed25519 signatures are deterministic, so every byte must match.
        using var key = LoadKey("ed25519.pem");
        var signed = McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, GoldenOptions, "app.bin");
        Assert.Equal(SharedTestData.Read("mcuboot/app.signed.ed25519.bin"), signed);
    }

    [Theory]
    [InlineData("ecdsa-p256.pem", "app.signed.ecdsa-p256.bin", false)]
    [InlineData("rsa-2048.pem", "app.signed.rsa-2048.bin", false)]
    [InlineData("ecdsa-p256.pem", "app.signed.ecdsa-p256.pad-confirm.bin", true)]
    public void Sign_RandomisedSignature_DeterministicPartsMatchImgtoolAndSignatureVerifies(string keyFile, string golden, bool padConfirm)
    {
        using var key = LoadKey(keyFile);
        var options = padConfirm ? GoldenOptions with { Pad = true, Confirm = true } : GoldenOptions;
        var signed = McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, options, "app.bin");
        var expected = SharedTestData.Read($"mcuboot/{golden}");
        var ours = McubootImage.Parse(signed, "ours");
        var theirs = McubootImage.Parse(expected, golden);

        // Header, header padding and payload: everything hashed.
        Assert.Equal(theirs.HashedRegion.ToArray(), ours.HashedRegion.ToArray());

        // Hash TLV and key hash TLV, byte for byte (type, length and value).
        Assert.Equal(TlvBytes(theirs, McubootTlvType.Sha256), TlvBytes(ours, McubootTlvType.Sha256));
        Assert.Equal(TlvBytes(theirs, McubootTlvType.KeyHash), TlvBytes(ours, McubootTlvType.KeyHash));
        Assert.Equal(theirs.Tlvs.Select(t => t.Type), ours.Tlvs.Select(t => t.Type));

        // The signature differs (random k / salt) but verifies with the same key.
        Assert.Equal(key.Algorithm, McubootVerifier.Verify(ours, key).SignatureAlgorithm);

        if (padConfirm)
        {
            Assert.Equal(expected.Length, signed.Length);

            // Padding, trailer, image_ok and magic after the TLV area (DER signatures vary by a byte,
            // so compare from the later of the two TLV ends; the slot end is fixed).
            var from = Math.Max(ours.TlvEnd, theirs.TlvEnd);
            Assert.Equal(expected[from..], signed[from..]);
            Assert.All(signed[ours.TlvEnd..from], b => Assert.Equal(0xFF, b));
            Assert.True(ours.Trailer!.IsConfirmed);
            Assert.Equal(0x01, signed[0xFFE8]);
        }
    }

    [Fact]
    public void Sign_PadWithoutConfirm_WritesMagicButNotImageOk()
    {
        using var key = LoadKey("ed25519.pem");
        var signed = McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, GoldenOptions with { Pad = true }, "app.bin");
        var parsed = McubootImage.Parse(signed, "padded");
        Assert.Equal(0x10000, signed.Length);
        Assert.NotNull(parsed.Trailer);
        Assert.False(parsed.Trailer.IsConfirmed);
        Assert.Equal(0xFF, signed[0xFFE8]);
    }

    [Fact]
    public void Sign_SecurityCounter_AddsProtectedTlvCoveredByTheHash()
    {
        using var key = LoadKey("ed25519.pem");
        var version = McubootVersion.Parse("1.2.3");
        var signed = McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, GoldenOptions with { SecurityCounter = version.AutoSecurityCounter }, "app.bin");
        var parsed = McubootImage.Parse(signed, "counter");
        Assert.Equal(12, parsed.Header.ProtectedTlvSize);
        Assert.Equal(0x0102_0003u, parsed.SecurityCounter);
        Assert.True(parsed.Tlvs[0].IsProtected);

        // imgtool layout: 08 69 0C 00 | 50 00 04 00 | counter, right after the payload.
        Assert.Equal(new byte[] { 0x08, 0x69, 0x0C, 0x00, 0x50, 0x00, 0x04, 0x00, 0x03, 0x00, 0x02, 0x01 }, signed[0x600..0x60C]);
        McubootVerifier.Verify(parsed, key);
    }

    [Fact]
    public void Sign_WithoutPadHeaderOnZeroGap_OverwritesTheZeros()
    {
        // Plain Zephyr: the binary starts with hdr zero bytes and is signed without --pad-header.
        var input = new byte[0x200 + 0x400];
        SharedTestData.Read("mcuboot/app.bin").CopyTo(input, 0x200);
        using var key = LoadKey("ed25519.pem");
        var signed = McubootSigner.Sign(input, key, GoldenOptions with { PadHeader = false }, "zephyr.bin");
        var parsed = McubootImage.Parse(signed, "signed");
        Assert.Equal(0x400u, parsed.Header.ImageSize);
        Assert.All(signed[0x20..0x200], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Sign_WithoutPadHeaderOnNonZeroStart_ThrowsLikeImgtool()
    {
        using var key = LoadKey("ed25519.pem");
        var ex = Assert.Throws<ImageFormatException>(() => McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, GoldenOptions with { PadHeader = false }, "app.bin"));
        Assert.Contains("Header padding was not requested", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--pad-header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_ImageLargerThanSlot_ThrowsWithImgtoolNumbers()
    {
        using var key = LoadKey("ed25519.pem");
        var ex = Assert.Throws<ImageFormatException>(() => McubootSigner.Sign(new byte[0x10000], key, GoldenOptions, "big.bin"));
        Assert.Contains("+ trailer (0x630) exceeds requested size 0x10000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_HeaderSmallerThan32_Throws()
    {
        var ex = Assert.Throws<ImageFormatException>(() => McubootSigner.Sign(new byte[64], null, GoldenOptions with { HeaderSize = 16 }, "app.bin"));
        Assert.Contains("at least 0x20", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_PublicKeyOnly_Throws()
    {
        using var key = LoadKey("ecdsa-p256.pub.pem");
        Assert.Throws<ImageSignatureException>(() => McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, GoldenOptions, "app.bin"));
    }

    [Fact]
    public void Sign_WithoutKey_AddsOnlyTheHash()
    {
        var signed = McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), null, GoldenOptions, "app.bin");
        var parsed = McubootImage.Parse(signed, "unsigned");
        Assert.Equal([McubootTlvType.Sha256], parsed.Tlvs.Select(t => t.Type));
        Assert.False(McubootVerifier.Verify(parsed, null).SignatureChecked);
    }

    [Theory]
    [InlineData("p384")]
    [InlineData("rsa3072")]
    public void Sign_OtherAlgorithms_RoundTripThroughVerify(string kind)
    {
        var pem = kind == "p384" ? TestKeys.P384Pem() : TestKeys.Rsa3072Pem();
        using var key = SigningKey.FromPem(pem, kind);
        var signed = McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, GoldenOptions, "app.bin");
        var parsed = McubootImage.Parse(signed, kind);
        var result = McubootVerifier.Verify(parsed, key);
        Assert.Equal(key.Algorithm, result.SignatureAlgorithm);
        if (kind == "p384")
        {
            Assert.NotNull(parsed.Find(McubootTlvType.Sha384));
            Assert.Equal(48, parsed.Find(McubootTlvType.KeyHash)!.Value.Length);
        }
        else
        {
            Assert.Equal(384, parsed.Find(McubootTlvType.Rsa3072Pss)!.Value.Length);
        }
    }

    [Fact]
    public void Sign_PadSignature_PadsEcdsaTo72BytesAndStillVerifies()
    {
        using var key = LoadKey("ecdsa-p256.pem");
        var signed = McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, GoldenOptions with { PadSignature = true }, "app.bin");
        var parsed = McubootImage.Parse(signed, "padsig");
        Assert.Equal(72, parsed.Find(McubootTlvType.EcdsaSignature)!.Value.Length);
        McubootVerifier.Verify(parsed, key);
    }

    [Fact]
    public void Sign_FullPublicKeyFormat_EmbedsTheKeyAndVerifies()
    {
        using var key = LoadKey("ed25519.pem");
        var signed = McubootSigner.Sign(SharedTestData.Read("mcuboot/app.bin"), key, GoldenOptions with { PublicKeyFormat = McubootPublicKeyFormat.Full }, "app.bin");
        var parsed = McubootImage.Parse(signed, "full");
        Assert.Equal(key.ExportPublicKey(), parsed.Find(McubootTlvType.PublicKey)!.Value.ToArray());
        McubootVerifier.Verify(parsed, key);
    }

    [Fact]
    public void SignToImage_HexInputWithPadHeader_StartsHeaderSizeBelowTheInput()
    {
        var app = BinaryImageReader.Read(SharedTestData.Read("mcuboot/app.bin"), 0xC200, "app.hex");
        using var key = LoadKey("ed25519.pem");
        var signed = McubootSigner.SignToImage(app, key, GoldenOptions with { Pad = true, Confirm = true });
        Assert.Equal(0xC000u, signed.StartAddress);
        Assert.Equal(0xC000UL + 0x10000, signed.EndAddress);
        Assert.Equal(SharedTestData.Read("mcuboot/app.signed.ed25519.bin"), signed.Read(0xC000, 0x690, 0xFF));
        Assert.Equal(0x01u, signed.ReadUInt32(0xC000 + 0xFFE8)! & 0xFF);
        // The signed image, then image_ok + magic (adjacent, so one segment), nothing in between.
        Assert.Equal(2, signed.Segments.Count);
    }

    [Fact]
    public void TrailerSize_ImgtoolFormula_MatchesKnownSizes()
    {
        Assert.Equal(1584, GoldenOptions.TrailerSize); // IMAGES.md B.1: 1584 B for align 4
        Assert.Equal((128 * 3) + 32 + 16, (GoldenOptions with { Align = 1 }).TrailerSize);
        Assert.Equal((2 * 8) + 16, (GoldenOptions with { OverwriteOnly = true }).TrailerSize);
    }

    private static byte[] TlvBytes(McubootImage image, McubootTlvType type)
    {
        var tlv = image.Find(type)!;
        return image.Bytes.Slice(tlv.Offset, McubootTlv.HeaderLength + tlv.Value.Length).ToArray();
    }

    private static SigningKey LoadKey(string file) =>
        SigningKey.FromPem(File.ReadAllText(SharedTestData.PathOf($"mcuboot/{file}")), file);
}
