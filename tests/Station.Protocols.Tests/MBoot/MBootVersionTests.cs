using Station.Protocols.MBoot;

namespace Station.Protocols.Tests.MBoot;

public sealed class MBootVersionTests
{
    [Theory]
    [InlineData(0x4B020100u, "K2.1.0")]   // PROTOCOLS.md 5: 1258422528 = 0x4B020100
    [InlineData(1258424064u, "K2.7.0")]   // newer flashloader package
    [InlineData(0x50010200u, "P1.2.0")]   // UART serial protocol version (2.3)
    [InlineData(0x00010203u, "1.2.3")]    // no mark letter
    public void ToString_FromPropertyValue_PrintsLikeBlhost(uint value, string expected)
    {
        Assert.Equal(expected, MBootVersion.FromUInt32(value).ToString());
    }

    [Fact]
    public void FromUInt32_0x4B020100_HasFieldsAndRoundTrips()
    {
        var version = MBootVersion.FromUInt32(0x4B020100);

        Assert.Equal(new MBootVersion('K', 2, 1, 0), version);
        Assert.Equal(0x4B020100u, version.ToUInt32());
    }
}
