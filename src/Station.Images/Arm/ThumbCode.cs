using System.Buffers.Binary;

namespace Station.Images.Arm;

/// <summary>
/// Scores whether bytes look like the first instruction of a Thumb function (IMAGES.md B.2 step 6):
/// strong patterns PUSH {…, LR} (0xB5xx), PUSH.W (0xE92D), <c>b .</c> (0xE7FE), NOP (0xBF00),
/// <c>bx lr</c> (0x4770), CPSID i (0xB672); weak patterns LDR literal (0x48xx-0x4Fxx), MOVS imm
/// (0x20xx-0x27xx), a 32-bit BL prefix (0xF000-0xF7FF).
/// </summary>
internal static class ThumbCode
{
    public const int Strong = 2;
    public const int Weak = 1;

    public static int Score(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2)
        {
            return 0;
        }

        var h = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        if ((h & 0xFF00) == 0xB500 || h is 0xE92D or 0xE7FE or 0xBF00 or 0x4770 or 0xB672)
        {
            return Strong;
        }

        return (h & 0xF800) is 0x4800 or 0x2000 or 0xF000 ? Weak : 0;
    }
}
