using System.CommandLine;
using System.Text.Json.Nodes;
using Station.Images.Mcuboot;
using static Station.Cli.Commands.ImageCommandLine;

namespace Station.Cli.Commands;

internal static partial class McubootCommands
{
    private static Command VerifyCommand()
    {
        var key = new Option<string>("--key", "-k") { Description = "Public or private key PEM; without it only the hash is checked." };
        var file = new Argument<string>("FILE") { Description = "Signed image (.bin, or imgtool's .hex)." };
        var json = JsonOption();
        var command = new Command("verify", "Check a signed image's hash and signature, as MCUboot does. Exit code 1 when it does not verify.")
        {
            key, file, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async stdout =>
        {
            var path = parseResult.GetRequiredValue(file);
            using var signingKey = await LoadKeyAsync(parseResult.GetValue(key), cancellationToken);
            var (image, _) = await ReadSignedAsync(path, cancellationToken);
            var result = McubootVerifier.Verify(image, signingKey);
            var digest = Convert.ToHexStringLower(result.Digest);
            if (parseResult.GetValue(json))
            {
                await WriteJsonAsync(stdout, new JsonObject
                {
                    ["file"] = path,
                    ["ok"] = true,
                    ["hashAlgorithm"] = result.HashAlgorithm.Name,
                    ["hash"] = digest,
                    ["signature"] = result.SignatureAlgorithm?.ToString(),
                    ["version"] = image.Header.Version.ToString(),
                });
            }
            else
            {
                var what = result.SignatureChecked ? $"{result.SignatureAlgorithm} signature valid with {signingKey!.Name}" : "hash valid (no key given: signature not checked)";
                await stdout.WriteLineAsync($"ok: {path}: {what}; version {image.Header.Version}, image hash {digest}");
            }

            return 0;
        }));
        return command;
    }

    private static Command InspectCommand()
    {
        var file = new Argument<string>("FILE") { Description = "Signed image (.bin, or imgtool's .hex)." };
        var json = JsonOption();
        var command = new Command("inspect", "Show an MCUboot image's header, protected and unprotected TLVs, trailer and vector table.")
        {
            file, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async stdout =>
        {
            var path = parseResult.GetRequiredValue(file);
            var (image, data) = await ReadSignedAsync(path, cancellationToken);
            var table = Station.Images.Arm.CortexMVectorTable.TryRead(image.Payload.Span, data.StartAddress + image.Header.HeaderSize);
            if (parseResult.GetValue(json))
            {
                var node = ImageJson(image);
                node["file"] = path;
                node["vectorTable"] = table is null ? null : ImageCommands.VectorTableJson(table);
                await WriteJsonAsync(stdout, node);
            }
            else
            {
                await stdout.WriteLineAsync($"{path}: MCUboot image");
                foreach (var line in ImageText(image))
                {
                    await stdout.WriteLineAsync(line);
                }

                if (table is not null)
                {
                    await stdout.WriteLineAsync($"  vectors      at file offset 0x{image.Header.HeaderSize:X}: SP {Hex(table.InitialStackPointer)}, reset {Hex(table.Reset)}");
                }
            }

            return 0;
        }));
        return command;
    }
}
