using System.Buffers.Binary;

namespace Station.Images.Tests;

/// <summary>
/// A Cortex-M application image linked at a given address: a 16-entry vector table, a reset handler
/// (PUSH {r7, lr}) at +0x40, default handlers (<c>b .</c>) at +0x44, and pseudo-random filler that
/// stands in for the rest of the code.
/// </summary>
internal static class SyntheticApp
{
    public static byte[] Create(uint linkAddress, int size = 0x2000, uint stackTop = 0x2002_0000, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, stackTop);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), linkAddress + 0x40 + 1);
        for (var i = 2; i < 16; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), linkAddress + 0x44 + 1);
        }

        bytes[0x40] = 0x80; // PUSH {r7, lr}
        bytes[0x41] = 0xB5;
        bytes[0x42] = 0x00; // NOP
        bytes[0x43] = 0xBF;
        bytes[0x44] = 0xFE; // b .
        bytes[0x45] = 0xE7;
        return bytes;
    }

    /// <summary>The application with <paramref name="gap"/> zero bytes in front (plain Zephyr's CONFIG_ROM_START_OFFSET).</summary>
    public static byte[] WithZeroGap(byte[] application, int gap)
    {
        var result = new byte[gap + application.Length];
        application.CopyTo(result, gap);
        return result;
    }
}
