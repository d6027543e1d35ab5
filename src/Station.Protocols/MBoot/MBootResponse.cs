using System.Buffers.Binary;
using System.Globalization;

namespace Station.Protocols.MBoot;

/// <summary>
/// A response packet (PROTOCOLS.md 3.1 and 3.3): tag, flags, reserved, parameter count, then
/// little-endian 32-bit parameters, the first of which is always the status. <see cref="Decode"/>
/// accepts only well-formed packets; anything short, truncated, padded or with a parameter count
/// its tag cannot have is a <see cref="ProtocolViolationException"/> carrying the raw bytes.
/// </summary>
internal abstract class MBootResponse
{
    public const int HeaderLength = MBootCommand.HeaderLength;

    /// <summary>
    /// Responses are built in the device's 32-byte minimum packet buffer: status plus at most six
    /// property values (MCUBOOT <c>kMaxPropertyReturnValues</c>), so never more than 7 parameters.
    /// </summary>
    public const int MaxParameterCount = 7;

    private protected MBootResponse(MBootResponseTag tag, MBootStatusCode status, byte[] rawBytes)
    {
        Tag = tag;
        Status = status;
        RawBytes = rawBytes;
    }

    public MBootResponseTag Tag { get; }

    public MBootStatusCode Status { get; }

    public bool IsSuccess => Status == MBootStatusCode.Success;

    /// <summary>The packet as received, for protocol-violation reports raised by the client.</summary>
    public byte[] RawBytes { get; }

    /// <summary>Decodes one response packet (without any framing header).</summary>
    /// <exception cref="ProtocolViolationException">The packet is malformed.</exception>
    public static MBootResponse Decode(ReadOnlySpan<byte> packet, string deviceAddress)
    {
        if (packet.Length < HeaderLength)
        {
            throw Violation(deviceAddress, $"Response of {packet.Length} bytes is shorter than the {HeaderLength}-byte packet header.", packet);
        }

        var parameterCount = packet[3];
        var expectedLength = HeaderLength + (sizeof(uint) * parameterCount);
        if (parameterCount is 0 or > MaxParameterCount)
        {
            throw Violation(deviceAddress, $"Response declares {parameterCount} parameters; a response has 1 to {MaxParameterCount}.", packet);
        }

        if (packet.Length != expectedLength)
        {
            var what = packet.Length < expectedLength ? "truncated" : "padded";
            throw Violation(
                deviceAddress,
                $"Response is {what}: {parameterCount} parameters need {expectedLength} bytes, got {packet.Length}.",
                packet);
        }

        var parameters = packet[HeaderLength..];
        var status = (MBootStatusCode)BinaryPrimitives.ReadUInt32LittleEndian(parameters);
        var tag = (MBootResponseTag)packet[0];
        var raw = packet.ToArray();
        return tag switch
        {
            MBootResponseTag.Generic => DecodeGeneric(deviceAddress, status, parameters, raw),
            MBootResponseTag.ReadMemory or MBootResponseTag.FlashReadResource
                or MBootResponseTag.GenerateKeyBlob or MBootResponseTag.KeyProvisioning
                => DecodeDataPhase(deviceAddress, tag, status, parameters, raw),
            MBootResponseTag.GetProperty => new MBootGetPropertyResponse(status, Values(parameters), raw),
            MBootResponseTag.TrustProvisioning => new MBootTrustProvisioningResponse(status, Values(parameters), raw),
            MBootResponseTag.FlashReadOnce => DecodeFlashReadOnce(deviceAddress, status, parameters, raw),
            _ => throw Violation(deviceAddress, $"Unknown response tag 0x{packet[0]:X2}.", packet),
        };
    }

    internal static ProtocolViolationException Violation(string deviceAddress, string problem, ReadOnlySpan<byte> raw) =>
        new(deviceAddress, problem, raw);

    private static uint Parameter(ReadOnlySpan<byte> parameters, int index) =>
        BinaryPrimitives.ReadUInt32LittleEndian(parameters[(sizeof(uint) * index)..]);

    private static MBootGenericResponse DecodeGeneric(string deviceAddress, MBootStatusCode status, ReadOnlySpan<byte> parameters, byte[] raw)
    {
        // Generic: status, commandTag.
        RequireParameterCount(deviceAddress, MBootResponseTag.Generic, parameters, 2, raw);
        var commandTag = Parameter(parameters, 1);
        if (commandTag > byte.MaxValue)
        {
            throw Violation(deviceAddress, string.Create(CultureInfo.InvariantCulture, $"Generic response names command tag 0x{commandTag:X}, which is not a byte."), raw);
        }

        return new MBootGenericResponse(status, (MBootCommandTag)commandTag, raw);
    }

    private static MBootDataPhaseResponse DecodeDataPhase(
        string deviceAddress, MBootResponseTag tag, MBootStatusCode status, ReadOnlySpan<byte> parameters, byte[] raw)
    {
        // ReadMemory / FlashReadResource / GenerateKeyBlob / KeyProvisioning: status, dataByteCount.
        RequireParameterCount(deviceAddress, tag, parameters, 2, raw);
        var byteCount = Parameter(parameters, 1);
        if (byteCount > int.MaxValue)
        {
            throw Violation(deviceAddress, string.Create(CultureInfo.InvariantCulture, $"{tag} response announces {byteCount} bytes."), raw);
        }

        return new MBootDataPhaseResponse(tag, status, (int)byteCount, raw);
    }

    /// <summary>GetProperty / TrustProvisioning: status, value0 … value(n-1); n = 0 on error.</summary>
    private static uint[] Values(ReadOnlySpan<byte> parameters)
    {
        var values = new uint[(parameters.Length / sizeof(uint)) - 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Parameter(parameters, i + 1);
        }

        return values;
    }

    private static MBootFlashReadOnceResponse DecodeFlashReadOnce(
        string deviceAddress, MBootStatusCode status, ReadOnlySpan<byte> parameters, byte[] raw)
    {
        // FlashReadOnce: status, byteCount, then ceil(byteCount / 4) data words (none on error).
        var parameterCount = parameters.Length / sizeof(uint);
        if (parameterCount < 2)
        {
            throw Violation(deviceAddress, $"FlashReadOnce response has {parameterCount} parameters; it needs status and byte count.", raw);
        }

        var byteCount = Parameter(parameters, 1);
        var dataWords = parameterCount - 2;
        if (byteCount > (uint)(sizeof(uint) * dataWords) || (byteCount + 3) / sizeof(uint) != (uint)dataWords)
        {
            throw Violation(
                deviceAddress,
                string.Create(CultureInfo.InvariantCulture, $"FlashReadOnce response announces {byteCount} bytes but carries {dataWords} data words."),
                raw);
        }

        var data = parameters.Slice(2 * sizeof(uint), (int)byteCount).ToArray();
        return new MBootFlashReadOnceResponse(status, data, raw);
    }

    private static void RequireParameterCount(string deviceAddress, MBootResponseTag tag, ReadOnlySpan<byte> parameters, int expected, byte[] raw)
    {
        var count = parameters.Length / sizeof(uint);
        if (count != expected)
        {
            throw Violation(deviceAddress, $"{tag} response has {count} parameters; it must have {expected}.", raw);
        }
    }
}
