using System.Text.Json;
using Station.Cli.Tests.Image;
using Station.Images.Formats;
using Station.Testing;

namespace Station.Cli.Tests.Mcuboot;

public sealed class McubootCommandsTests : IDisposable
{
    private readonly ScratchFolder _cli = new();

    [Fact]
    public async Task Sign_IssueForm_Ed25519IsByteIdenticalToImgtool()
    {
        var output = _cli.PathOf("signed.bin");
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "--key", Key("ed25519.pem"), "--header-size", "0x200", "--pad-header", "--align", "4", "--version", "1.2.3", "--slot-size", "0x10000", Golden("app.bin"), output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SharedTestData.Read("mcuboot/app.signed.ed25519.bin"), await File.ReadAllBytesAsync(output));
        Assert.Contains("901f8c968b14c42fe2c723abd152824121ee1e9c5b85fca56e3449a685c4be2b", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_PadConfirm_TrailerMatchesImgtoolAndVerifies()
    {
        var output = _cli.PathOf("signed.bin");
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "--key", Key("ecdsa-p256.pem"), "--header-size", "0x200", "--pad-header", "--align", "4", "--version", "1.2.3", "--slot-size", "0x10000", "--pad", "--confirm", Golden("app.bin"), output);
        Assert.Equal(0, result.ExitCode);
        var ours = await File.ReadAllBytesAsync(output);
        var theirs = SharedTestData.Read("mcuboot/app.signed.ecdsa-p256.pad-confirm.bin");
        Assert.Equal(theirs.Length, ours.Length);
        Assert.Equal(theirs[0x700..], ours[0x700..]);
        Assert.Equal(theirs[..0x600], ours[..0x600]);
        Assert.Equal(0, (await InProcessCli.RunAsync("mcuboot", "verify", "--key", Key("ecdsa-p256.pub.pem"), output)).ExitCode);
    }

    [Fact]
    public async Task Sign_SecurityCounterAuto_IsInTheProtectedArea()
    {
        var output = _cli.PathOf("signed.bin");
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "-k", Key("ed25519.pem"), "--header-size", "0x200", "--pad-header", "--version", "2.1.0", "--security-counter", "auto", Golden("app.bin"), output, "--json");
        Assert.Equal(0, result.ExitCode);
        var inspect = await InProcessCli.RunAsync("mcuboot", "inspect", "--json", output);
        using var json = JsonDocument.Parse(inspect.Stdout);
        Assert.Equal(0x0201_0000u, json.RootElement.GetProperty("securityCounter").GetUInt32());
    }

    [Fact]
    public async Task Sign_HexOutput_StartsAtTheSlotAndVerifies()
    {
        var output = _cli.PathOf("signed.hex");
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "--key", Key("ed25519.pem"), "--header-size", "0x200", "--pad-header", "--align", "4", "--version", "1.2.3", "--slot-size", "0x10000", "--pad", "--hex-addr", "0xC000", Golden("app.bin"), output);
        Assert.Equal(0, result.ExitCode);
        var hex = IntelHexReader.Read(await File.ReadAllBytesAsync(output), output);
        Assert.Equal(0xC000u, hex.StartAddress);
        Assert.Equal(SharedTestData.Read("mcuboot/app.signed.ed25519.bin"), hex.Read(0xC000, 0x690, 0xFF));
        Assert.Equal(0, (await InProcessCli.RunAsync("mcuboot", "verify", "--key", Key("ed25519.pem"), output)).ExitCode);
    }

    [Theory]
    [InlineData("app.signed.ecdsa-p256.bin", "ecdsa-p256.pub.pem")]
    [InlineData("app.signed.ecdsa-p256.bin", "ecdsa-p256.pem")]
    [InlineData("app.signed.rsa-2048.bin", "rsa-2048.pem")]
    [InlineData("app.signed.ed25519.bin", "ed25519.pem")]
    public async Task Verify_GoldenWithItsKey_ExitsZero(string image, string key)
    {
        var result = await InProcessCli.RunAsync("mcuboot", "verify", "--key", Key(key), Golden(image));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("ok:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WrongKey_FailsWithOneLine()
    {
        var result = await InProcessCli.RunAsync("mcuboot", "verify", "--key", Key("rsa-2048.pem"), Golden("app.signed.ecdsa-p256.bin"));
        AssertOneLineFailure(result, "not with a Rsa2048Pss key");
    }

    [Fact]
    public async Task Verify_TamperedImage_FailsWithHashMismatch()
    {
        var bytes = SharedTestData.Read("mcuboot/app.signed.ed25519.bin");
        bytes[0x250] ^= 1;
        var result = await InProcessCli.RunAsync("mcuboot", "verify", "--key", Key("ed25519.pem"), _cli.Write("tampered.bin", bytes));
        AssertOneLineFailure(result, "hash mismatch");
    }

    [Fact]
    public async Task Lint_GoldenAtItsSlot_ExitsZero()
    {
        var result = await InProcessCli.RunAsync("mcuboot", "lint", "--slot-address", "0xC000", "--ram", "0x20000000:0x40000", Golden("app.signed.ecdsa-p256.bin"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("will boot", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_SignedWithHeader32_FailsNamingTheFix()
    {
        var signed = _cli.PathOf("bad.bin");
        Assert.Equal(0, (await InProcessCli.RunAsync("mcuboot", "sign", "--key", Key("ed25519.pem"), "--header-size", "32", "--pad-header", "--align", "4", "--version", "1.2.3", Golden("app.bin"), signed)).ExitCode);
        Assert.Equal(0, (await InProcessCli.RunAsync("mcuboot", "verify", "--key", Key("ed25519.pem"), signed)).ExitCode);
        var result = await InProcessCli.RunAsync("mcuboot", "lint", "--slot-address", "0xC000", "--ram", "0x20000000:0x40000", signed);
        AssertOneLineFailure(result, "re-sign with --header-size 0x200 --pad-header");
    }

    [Fact]
    public async Task Lint_ElfWithIntendedWrongHeader_FailsAndWithoutIntentAdvises()
    {
        var elf = _cli.Write("zephyr.elf", SampleImages.Elf(0xC200, SampleImages.Application(0xC200, stackTop: 0x2001_0000), vectorTable: 0xC200));
        var wrong = await InProcessCli.RunAsync("mcuboot", "lint", "--slot-address", "0xC000", "--ram", "0x20000000:0x40000", "--header-size", "0x20", "--pad-header", elf);
        AssertOneLineFailure(wrong, "sign with --header-size 0x200 --pad-header");
        var advice = await InProcessCli.RunAsync("mcuboot", "lint", "--slot-address", "0xC000", "--ram", "0x20000000:0x40000", elf, "--json");
        Assert.Equal(0, advice.ExitCode);
        using var json = JsonDocument.Parse(advice.Stdout);
        Assert.Equal("--header-size 0x200 --pad-header", json.RootElement.GetProperty("signWith").GetString());
        Assert.True(json.RootElement.GetProperty("willBoot").GetBoolean());
    }

    [Fact]
    public async Task Inspect_PadConfirm_ShowsTrailer()
    {
        var result = await InProcessCli.RunAsync("mcuboot", "inspect", Golden("app.signed.ecdsa-p256.pad-confirm.bin"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("image_ok 0x01 (confirmed)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("KeyHash (0x01, 32 bytes) 3bedcdd5", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageInspect_McubootImage_IsRecognised()
    {
        var result = await InProcessCli.RunAsync("image", "inspect", "--json", "--address", "0xC000", Golden("app.signed.rsa-2048.bin"));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Mcuboot", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("0x0000C241", json.RootElement.GetProperty("vectorTable").GetProperty("reset").GetString());
    }

    [Fact]
    public async Task Sign_InputNotStartingWithZerosWithoutPadHeader_FailsLikeImgtool()
    {
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "--key", Key("ed25519.pem"), "--header-size", "0x200", Golden("app.bin"), _cli.PathOf("x.bin"));
        AssertOneLineFailure(result, "Header padding was not requested");
    }

    [Fact]
    public async Task Sign_TooBigForSlot_Fails()
    {
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "--header-size", "0x200", "--pad-header", "--align", "4", "--slot-size", "0x800", Golden("app.bin"), _cli.PathOf("x.bin"));
        AssertOneLineFailure(result, "exceeds requested size 0x800");
    }

    [Fact]
    public async Task Sign_BadVersion_Fails()
    {
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "--header-size", "0x200", "--pad-header", "--version", "1.02.3", Golden("app.bin"), _cli.PathOf("x.bin"));
        AssertOneLineFailure(result, "is not a version");
    }

    [Fact]
    public async Task Sign_MissingKeyFile_FailsNamingIt()
    {
        var missing = _cli.PathOf("nokey.pem");
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "--key", missing, "--header-size", "0x200", "--pad-header", Golden("app.bin"), _cli.PathOf("x.bin"));
        AssertOneLineFailure(result, $"{missing}: file not found");
    }

    [Fact]
    public async Task Sign_NotAKey_FailsNamingIt()
    {
        var notKey = _cli.Write("bad.pem", "hello"u8.ToArray());
        var result = await InProcessCli.RunAsync("mcuboot", "sign", "--key", notKey, "--header-size", "0x200", "--pad-header", Golden("app.bin"), _cli.PathOf("x.bin"));
        AssertOneLineFailure(result, $"{notKey}: no PEM key found");
    }

    [Fact]
    public async Task Lint_BadRamOption_Fails()
    {
        var result = await InProcessCli.RunAsync("mcuboot", "lint", "--slot-address", "0xC000", "--ram", "0x20000000", Golden("app.signed.ecdsa-p256.bin"));
        AssertOneLineFailure(result, "is not START:SIZE");
    }

    [Fact]
    public async Task Verify_NotAnMcubootImage_FailsWithOneLine()
    {
        var result = await InProcessCli.RunAsync("mcuboot", "verify", Golden("app.bin"));
        AssertOneLineFailure(result, "not an MCUboot image");
    }

    private static string Golden(string file) => SharedTestData.PathOf($"mcuboot/{file}");

    private static string Key(string file) => SharedTestData.PathOf($"mcuboot/{file}");

    private static void AssertOneLineFailure(CliResult result, string reason)
    {
        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
