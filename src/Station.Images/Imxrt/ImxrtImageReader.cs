namespace Station.Images.Imxrt;

/// <summary>
/// Recognises i.MX RT boot images: a full image has an IVT (<c>D1 00 20 4x</c>) at 0x1000 and
/// usually "FCFB" at 0 (0x400 on RT1010); a nopadding image starts with the IVT. The base comes
/// from the IVT's self pointer.
/// </summary>
public static class ImxrtImageReader
{
    private const int IvtOffset = 0x1000;

    /// <summary>The boot image in <paramref name="bytes"/>, or null when they are not one.</summary>
    /// <param name="bytes">The image as it would be written.</param>
    /// <param name="device">The part, if known; otherwise guessed from the base (0x70000000 → RT1064).</param>
    public static ImxrtImageInfo? TryRead(ReadOnlyMemory<byte> bytes, ImxrtDevice? device = null)
    {
        var span = bytes.Span;
        if (span.Length >= IvtOffset + ImageVectorTable.Length && ImageVectorTable.TryParse(span[IvtOffset..]) is { } fullIvt)
        {
            var baseAddress = fullIvt.Self - IvtOffset;
            var guessed = device ?? Guess(baseAddress, span);
            var fcbOffset = FindFcb(span, guessed);
            return new ImxrtImageInfo
            {
                Kind = ImxrtImageKind.Full,
                Bytes = bytes,
                BaseAddress = baseAddress,
                WriteAddress = baseAddress,
                Fcb = fcbOffset is { } at ? FlexSpiNorConfig.Parse(span.Slice(at, FlexSpiNorConfig.Length), "FCB") : null,
                FcbOffset = fcbOffset,
                Ivt = fullIvt,
                IvtOffset = IvtOffset,
                BootData = ReadBootData(span, IvtOffset, fullIvt),
                ApplicationOffset = IvtOffset + 0x1000,
                Device = guessed,
            };
        }

        if (ImageVectorTable.TryParse(span) is { } ivt)
        {
            var baseAddress = ivt.Self - IvtOffset;
            return new ImxrtImageInfo
            {
                Kind = ImxrtImageKind.NoPadding,
                Bytes = bytes,
                BaseAddress = baseAddress,
                WriteAddress = ivt.Self,
                Ivt = ivt,
                IvtOffset = 0,
                BootData = ReadBootData(span, 0, ivt),
                ApplicationOffset = 0x1000,
                Device = device ?? Guess(baseAddress, span),
            };
        }

        return null;
    }

    private static BootData? ReadBootData(ReadOnlySpan<byte> span, int ivtOffset, ImageVectorTable ivt)
    {
        // The boot data pointer is absolute; its offset from the IVT is the same in flash and file.
        var relative = (long)ivt.BootData - ivt.Self;
        var offset = ivtOffset + relative;
        return relative >= 0 && offset + BootData.EncodedLength <= span.Length ? BootData.Parse(span[(int)offset..]) : null;
    }

    private static int? FindFcb(ReadOnlySpan<byte> span, ImxrtDevice? device)
    {
        int[] offsets = device is null ? [0, 0x400] : [device.FcbOffset, device.FcbOffset == 0 ? 0x400 : 0];
        foreach (var offset in offsets)
        {
            if (span.Length >= offset + FlexSpiNorConfig.Length && span[offset] == 0x46 && span[offset + 1] == 0x43 && span[offset + 2] == 0x46 && span[offset + 3] == 0x42)
            {
                return offset;
            }
        }

        return null;
    }

    private static ImxrtDevice? Guess(uint baseAddress, ReadOnlySpan<byte> span)
    {
        if (baseAddress == 0x7000_0000)
        {
            return ImxrtDevices.Find("MIMXRT1064");
        }

        // Only RT1010 puts the FCB at 0x400; without an FCB at 0 that is a strong hint.
        var fcbAt400 = span.Length >= 0x404 && span[0x400] == 0x46 && span[0x401] == 0x43 && span[0x402] == 0x46 && span[0x403] == 0x42;
        return fcbAt400 ? ImxrtDevices.Find("MIMXRT1010") : null;
    }
}
