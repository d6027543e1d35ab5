using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;

namespace Station.Protocols.Tests.MBoot;

public sealed class MBootResponseTests
{
    private const string Device = "test:1";

    [Fact]
    public void Decode_GenericResponseFromSpec_GivesStatusAndCommandTag()
    {
        // PROTOCOLS.md 2.2: GenericResponse(success, cmd 0x02).
        var response = Assert.IsType<MBootGenericResponse>(Decode("A0 00 00 02 00 00 00 00 02 00 00 00"));

        Assert.Equal(MBootResponseTag.Generic, response.Tag);
        Assert.Equal(MBootStatusCode.Success, response.Status);
        Assert.Equal(MBootCommandTag.FlashEraseRegion, response.CommandTag);
        Assert.True(response.IsSuccess);
    }

    [Fact]
    public void Decode_GenericResponseWithError_CarriesStatus()
    {
        // 10203 = 0x27DB MemoryCumulativeWrite, answering write-memory.
        var response = Assert.IsType<MBootGenericResponse>(Decode("A0 00 00 02 DB 27 00 00 04 00 00 00"));

        Assert.Equal(MBootStatusCode.MemoryCumulativeWrite, response.Status);
        Assert.Equal(MBootCommandTag.WriteMemory, response.CommandTag);
        Assert.False(response.IsSuccess);
    }

    [Fact]
    public void Decode_GetPropertyResponseFromSpec_GivesCurrentVersionValue()
    {
        // PROTOCOLS.md 2.2: GetPropertyResponse(0, 0x4B020100).
        var response = Assert.IsType<MBootGetPropertyResponse>(Decode("A7 00 00 02 00 00 00 00 00 01 02 4B"));

        Assert.Equal(MBootStatusCode.Success, response.Status);
        Assert.Equal([0x4B020100u], response.Values);
        Assert.Equal("K2.1.0", MBootVersion.FromUInt32(response.Values[0]).ToString());
    }

    [Fact]
    public void Decode_GetPropertyUnknownProperty_HasNoValues()
    {
        // PROTOCOLS.md 5: unknown tag → GetPropertyResponse(status 10300, no values).
        var response = Assert.IsType<MBootGetPropertyResponse>(Decode("A7 00 00 01 3C 28 00 00"));

        Assert.Equal(MBootStatusCode.UnknownProperty, response.Status);
        Assert.Empty(response.Values);
    }

    [Fact]
    public void Decode_GetPropertySixValues_GivesAllValues()
    {
        // External memory attributes: flags 0x1F, start 0x60000000, 8192 KiB, page 256, sector 4 KiB, block 64 KiB.
        var response = Assert.IsType<MBootGetPropertyResponse>(Decode(
            "A7 00 00 07 00 00 00 00 1F 00 00 00 00 00 00 60 00 20 00 00 00 01 00 00 00 10 00 00 00 00 01 00"));

        Assert.Equal([0x1Fu, 0x60000000, 8192, 256, 4096, 65536], response.Values);
    }

    [Fact]
    public void Decode_ReadMemoryResponse_GivesByteCount()
    {
        // PROTOCOLS.md 1.3: A3 01 00 02 | status | byteCount.
        var response = Assert.IsType<MBootDataPhaseResponse>(Decode("A3 01 00 02 00 00 00 00 00 04 00 00"));

        Assert.Equal(MBootResponseTag.ReadMemory, response.Tag);
        Assert.Equal(1024, response.ByteCount);
    }

    [Fact]
    public void Decode_FlashReadResourceResponse_GivesByteCount()
    {
        var response = Assert.IsType<MBootDataPhaseResponse>(Decode("B0 01 00 02 00 00 00 00 10 00 00 00"));

        Assert.Equal(MBootResponseTag.FlashReadResource, response.Tag);
        Assert.Equal(16, response.ByteCount);
    }

    [Theory]
    [InlineData("B3 01 00 02 00 00 00 00 48 00 00 00", MBootResponseTag.GenerateKeyBlob, 72)]
    [InlineData("B5 01 00 02 00 00 00 00 20 00 00 00", MBootResponseTag.KeyProvisioning, 32)]
    public void Decode_OtherDataPhaseResponses_GiveTagAndByteCount(string hex, MBootResponseTag tag, int byteCount)
    {
        var response = Assert.IsType<MBootDataPhaseResponse>(Decode(hex));

        Assert.Equal(tag, response.Tag);
        Assert.Equal(byteCount, response.ByteCount);
    }

    [Fact]
    public void Decode_TrustProvisioningResponse_GivesValues()
    {
        var response = Assert.IsType<MBootTrustProvisioningResponse>(Decode("B6 00 00 03 00 00 00 00 01 00 00 00 02 00 00 00"));

        Assert.Equal(MBootStatusCode.Success, response.Status);
        Assert.Equal([1u, 2u], response.Values);
    }

    [Fact]
    public void Decode_FlashReadOnceResponse_GivesDataBytes()
    {
        // PROTOCOLS.md 3.3: status, byteCount, data words; efuse-read-once prints [4, value].
        var response = Assert.IsType<MBootFlashReadOnceResponse>(Decode("AF 00 00 03 00 00 00 00 04 00 00 00 78 56 34 12"));

        Assert.Equal(MBootStatusCode.Success, response.Status);
        Assert.Equal(Hex.Bytes("78 56 34 12"), response.Data);
    }

    [Fact]
    public void Decode_FlashReadOnceResponseOnError_HasNoData()
    {
        // 20200 = 0x4EE8 OCOTPReadFailure, byteCount 0.
        var response = Assert.IsType<MBootFlashReadOnceResponse>(Decode("AF 00 00 02 E8 4E 00 00 00 00 00 00"));

        Assert.Equal(MBootStatusCode.OcotpReadFailure, response.Status);
        Assert.Empty(response.Data);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A0")]
    [InlineData("A0 00")]
    [InlineData("A0 00 00")]
    public void Decode_ShorterThanHeader_ThrowsProtocolViolationWithRawBytes(string hex)
    {
        AssertViolation(hex, "shorter");
    }

    [Theory]
    [InlineData("A0 00 00 02 00 00 00 00 02 00")]   // 2 params announced, 6 bytes of params missing 2
    [InlineData("A0 00 00 02 00 00")]               // 9.1: a status read needs 4 bytes, 2 present
    [InlineData("A7 00 00 03 00 00 00 00 00 01 02 4B")]
    public void Decode_Truncated_ThrowsProtocolViolationWithRawBytes(string hex)
    {
        AssertViolation(hex, "truncated");
    }

    [Fact]
    public void Decode_BytesAfterParameters_ThrowsProtocolViolation()
    {
        AssertViolation("A0 00 00 02 00 00 00 00 02 00 00 00 00 00 00 00", "padded");
    }

    [Theory]
    [InlineData("A0 00 00 00")]                      // no status at all
    [InlineData("A7 00 00 08 00 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04 00 00 00 05 00 00 00 06 00 00 00 07 00 00 00")]
    [InlineData("A7 00 00 FF 00 00 00 00")]
    public void Decode_ImpossibleParameterCount_ThrowsProtocolViolation(string hex)
    {
        AssertViolation(hex, "parameters");
    }

    [Theory]
    [InlineData("A0 00 00 01 00 00 00 00")]                         // generic without command tag
    [InlineData("A0 00 00 03 00 00 00 00 02 00 00 00 00 00 00 00")] // generic with an extra word
    [InlineData("A3 01 00 01 00 00 00 00")]                         // read-memory without byte count
    [InlineData("AF 00 00 01 00 00 00 00")]                         // read-once without byte count
    public void Decode_WrongParameterCountForTag_ThrowsProtocolViolation(string hex)
    {
        AssertViolation(hex, "parameters");
    }

    [Fact]
    public void Decode_FlashReadOnceByteCountBeyondData_ThrowsProtocolViolation()
    {
        // Announces 8 bytes, carries one word.
        AssertViolation("AF 00 00 03 00 00 00 00 08 00 00 00 78 56 34 12", "announces 8 bytes");
    }

    [Fact]
    public void Decode_GenericCommandTagNotAByte_ThrowsProtocolViolation()
    {
        AssertViolation("A0 00 00 02 00 00 00 00 00 01 00 00", "not a byte");
    }

    [Fact]
    public void Decode_UnknownTag_ThrowsProtocolViolation()
    {
        AssertViolation("A5 00 00 01 00 00 00 00", "Unknown response tag 0xA5");
    }

    private static MBootResponse Decode(string hex) => MBootResponse.Decode(Hex.Bytes(hex), Device);

    private static void AssertViolation(string hex, string problemPart)
    {
        var raw = Hex.Bytes(hex);

        var exception = Assert.Throws<ProtocolViolationException>(() => MBootResponse.Decode(raw, Device));

        Assert.Equal(raw, exception.RawBytes);
        Assert.Contains(problemPart, exception.Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Device, exception.DeviceAddress);
    }
}
