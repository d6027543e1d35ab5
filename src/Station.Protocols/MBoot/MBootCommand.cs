using System.Buffers.Binary;
using System.Globalization;

namespace Station.Protocols.MBoot;

/// <summary>
/// A command packet (PROTOCOLS.md 3.1): tag, flags, reserved, parameter count, then the
/// parameters as little-endian 32-bit words. Never padded on the wire (SPSDK
/// <c>CmdPacket.export(padding=False)</c>).
/// </summary>
internal sealed class MBootCommand
{
    public const int HeaderLength = sizeof(byte)  // tag
                                  + sizeof(byte)  // flags (bit 0: a host→device data phase follows)
                                  + sizeof(byte)  // reserved
                                  + sizeof(byte); // parameter count

    /// <summary>kMinPacketBufferSize is 32 bytes, so a command carries at most 7 parameters.</summary>
    public const int MaxParameterCount = 7;

    public const int MaxLength = HeaderLength + (sizeof(uint) * MaxParameterCount);

    private const byte HasDataPhaseFlag = 0x01;

    public MBootCommand(MBootCommandTag tag, bool hasDataPhase, uint[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parameters.Length, MaxParameterCount, nameof(parameters));
        Tag = tag;
        HasDataPhase = hasDataPhase;
        Parameters = parameters;
    }

    public MBootCommandTag Tag { get; }

    public bool HasDataPhase { get; }

    public IReadOnlyList<uint> Parameters { get; }

    /// <summary>Header plus 4 bytes per parameter.</summary>
    public int EncodedLength => HeaderLength + (sizeof(uint) * Parameters.Count);

    /// <summary>Writes the packet to the start of <paramref name="destination"/>; returns its length.</summary>
    public int Encode(Span<byte> destination)
    {
        var length = EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException($"The command needs {length} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        destination[0] = (byte)Tag;
        destination[1] = HasDataPhase ? HasDataPhaseFlag : (byte)0;
        destination[2] = 0;
        destination[3] = (byte)Parameters.Count;
        for (var i = 0; i < Parameters.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(HeaderLength + (sizeof(uint) * i))..], Parameters[i]);
        }

        return length;
    }

    public byte[] ToArray()
    {
        var packet = new byte[EncodedLength];
        Encode(packet);
        return packet;
    }

    /// <summary>For logs: <c>WriteMemory(0x70001000, 0x1000, 0x0)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Tag}({string.Join(", ", Parameters.Select(p => $"0x{p:X}"))})");
}
