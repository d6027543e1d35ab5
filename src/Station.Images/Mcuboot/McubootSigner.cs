using System.Buffers.Binary;
using System.Security.Cryptography;
using Station.Images.Signing;

namespace Station.Images.Mcuboot;

/// <summary>
/// Signs an application into an MCUboot image the way imgtool does (scripts/imgtool/image.py,
/// Image.load/create/save), so that the header, padding, protected TLVs, hash TLV, key hash and
/// trailer are the same bytes as imgtool's; only randomised signatures (ECDSA, RSA-PSS) differ.
/// </summary>
public static class McubootSigner
{
    private const int TlvInfoLength = 4;

    /// <summary>Signs a raw application and returns the .bin imgtool would write.</summary>
    /// <param name="application">The input file's bytes (imgtool's INFILE as a .bin).</param>
    /// <param name="key">The private key, or null for an unsigned image with only the hash TLV.</param>
    /// <param name="options">imgtool's options.</param>
    /// <param name="name">The input's name, for messages.</param>
    /// <exception cref="ImageFormatException">
    /// The input does not start with zeros and --pad-header is off, the header is under 32 bytes, or
    /// the image plus trailer does not fit the slot.
    /// </exception>
    public static byte[] Sign(ReadOnlySpan<byte> application, SigningKey? key, McubootSignOptions options, string name)
    {
        var signed = SignUnpadded(application, key, options, name);
        return options.EffectivePad ? PadToSlot(signed, options) : signed;
    }

    /// <summary>
    /// Signs a HEX/SREC/ELF application and returns what imgtool writes to a .hex: the signed image at
    /// the input's lowest address (moved down by the header size with --pad-header) and, with --pad,
    /// only the trailer's image_ok and magic at the slot end. Gaps in the input are filled with 0xFF
    /// as intelhex does.
    /// </summary>
    public static FirmwareImage SignToImage(FirmwareImage application, SigningKey? key, McubootSignOptions options)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);
        var baseAddress = application.StartAddress;
        if (options.PadHeader && options.HeaderSize > 0)
        {
            if (baseAddress < (uint)options.HeaderSize)
            {
                throw new ImageFormatException(application.Name, $"the input starts at 0x{baseAddress:X8}, below the 0x{options.HeaderSize:X}-byte header --pad-header puts in front of it");
            }

            baseAddress -= (uint)options.HeaderSize;
        }

        var signed = SignUnpadded(application.ToFlat(0xFF), key, options, application.Name);
        var segments = new List<ImageSegment> { new(baseAddress, signed) };
        if (options.EffectivePad)
        {
            var slot = PadToSlot(signed, options);
            var magic = McubootTrailer.Magic(options.EffectiveMaxAlign);
            segments.Add(new ImageSegment(baseAddress + (uint)(options.SlotSize - magic.Length), magic));
            if (options.Confirm && !options.OverwriteOnly)
            {
                var imageOk = ImageOkOffset(options);
                segments.Add(new ImageSegment(baseAddress + (uint)imageOk, slot.AsMemory(imageOk, options.EffectiveMaxAlign)));
            }
        }

        return FirmwareImage.Create(application.Name, FirmwareFormat.IntelHex, segments, null);
    }

    private static byte[] SignUnpadded(ReadOnlySpan<byte> application, SigningKey? key, McubootSignOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options, key, name);
        var header = options.HeaderSize;

        // Image.load: prepend erased bytes for the header, or require zeros where it goes.
        var payload = new List<byte>(application.Length + header + 512);
        if (options.PadHeader)
        {
            payload.AddRange(Enumerable.Repeat(options.ErasedValue, header));
        }
        else if (application.Length < header || application[..header].ContainsAnyExcept((byte)0))
        {
            throw new ImageFormatException(name, $"Header padding was not requested and image does not start with zeros: the first 0x{header:X} bytes must be 0 for --header-size 0x{header:X}, or add --pad-header");
        }

        payload.AddRange(application);
        var imageSize = payload.Count - header;
        if (imageSize <= 0)
        {
            throw new ImageFormatException(name, "the application is empty");
        }

        // Protected TLVs: only the security counter here (TLV header 4 + u32), plus the 4-byte info header.
        var protectedSize = options.SecurityCounter is null ? 0 : TlvInfoLength + McubootTlv.HeaderLength + sizeof(uint);
        var flags = options.LoadAddress != 0 ? McubootImageFlags.RamLoad : McubootImageFlags.None;
        var imageHeader = new McubootImageHeader(options.LoadAddress, (ushort)header, (ushort)protectedSize, (uint)imageSize, flags, options.Version);
        var image = payload.ToArray();
        imageHeader.Write(image);

        var protectedArea = new TlvArea(McubootImage.ProtectedTlvMagic);
        if (options.SecurityCounter is { } counter)
        {
            var value = new byte[sizeof(uint)];
            BinaryPrimitives.WriteUInt32LittleEndian(value, counter);
            protectedArea.Add(McubootTlvType.SecurityCounter, value);
        }

        byte[] region = [.. image, .. protectedArea.ToArray()];
        var hashAlgorithm = key?.ImageHashAlgorithm ?? HashAlgorithmName.SHA256;
        var digest = Hash(hashAlgorithm, region);
        var tlvs = new TlvArea(McubootImage.TlvMagic);
        tlvs.Add(hashAlgorithm == HashAlgorithmName.SHA384 ? McubootTlvType.Sha384 : McubootTlvType.Sha256, digest);
        if (key is not null)
        {
            var publicKey = key.ExportPublicKey();
            if (options.PublicKeyFormat == McubootPublicKeyFormat.Hash)
            {
                tlvs.Add(McubootTlvType.KeyHash, Hash(hashAlgorithm, publicKey));
            }
            else
            {
                tlvs.Add(McubootTlvType.PublicKey, publicKey);
            }

            tlvs.Add(McubootSignatures.TlvType(key.Algorithm), McubootSignatures.Sign(key, region, digest, options.PadSignature));
        }

        byte[] signed = [.. region, .. tlvs.ToArray()];
        if (options.SlotSize > 0 && signed.Length + options.TrailerSize > options.SlotSize)
        {
            throw new ImageFormatException(name, $"Image size (0x{signed.Length:X}) + trailer (0x{options.TrailerSize:X}) exceeds requested size 0x{options.SlotSize:X}");
        }

        return signed;
    }

    private static void Validate(McubootSignOptions options, SigningKey? key, string name)
    {
        if (options.HeaderSize is < McubootImageHeader.Length or > ushort.MaxValue)
        {
            throw new ImageFormatException(name, $"--header-size 0x{options.HeaderSize:X} is not possible: MCUboot needs at least 0x20 (the header) and at most 0xFFFF");
        }

        if (options.Align is not (1 or 2 or 4 or 8 or 16 or 32))
        {
            throw new ArgumentException($"--align {options.Align} is not 1, 2, 4, 8, 16 or 32", nameof(options));
        }

        if (options.EffectivePad && options.SlotSize <= 0)
        {
            throw new ArgumentException("--pad and --confirm need --slot-size", nameof(options));
        }

        if (key is { HasPrivateKey: false })
        {
            throw new ImageSignatureException(key.Name, "signing needs the private key; this is a public key");
        }
    }

    // imgtool Image.pad_to: erased fill, then the trailer (erased) ending with the magic, image_ok set with --confirm.
    private static byte[] PadToSlot(byte[] signed, McubootSignOptions options)
    {
        var slot = new byte[options.SlotSize];
        slot.AsSpan().Fill(options.ErasedValue);
        signed.CopyTo(slot, 0);
        var magic = McubootTrailer.Magic(options.EffectiveMaxAlign);
        magic.CopyTo(slot, slot.Length - magic.Length);
        if (options.Confirm && !options.OverwriteOnly)
        {
            slot[ImageOkOffset(options)] = 0x01;
        }

        return slot;
    }

    private static int ImageOkOffset(McubootSignOptions options)
    {
        var magicArea = (McubootTrailer.MagicLength + options.EffectiveMaxAlign - 1) / options.EffectiveMaxAlign * options.EffectiveMaxAlign;
        return options.SlotSize - magicArea - options.EffectiveMaxAlign;
    }

    private static byte[] Hash(HashAlgorithmName algorithm, ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    private sealed class TlvArea(ushort magic)
    {
        private readonly List<byte> _entries = [];

        public void Add(McubootTlvType type, ReadOnlySpan<byte> value)
        {
            Span<byte> header = stackalloc byte[McubootTlv.HeaderLength];
            BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)type);
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], checked((ushort)value.Length));
            _entries.AddRange(header);
            _entries.AddRange(value);
        }

        // imgtool TLV.get: nothing at all when empty, else {magic, total length} + entries.
        public byte[] ToArray()
        {
            if (_entries.Count == 0)
            {
                return [];
            }

            var result = new byte[TlvInfoLength + _entries.Count];
            BinaryPrimitives.WriteUInt16LittleEndian(result, magic);
            BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(2), checked((ushort)result.Length));
            _entries.CopyTo(result, TlvInfoLength);
            return result;
        }
    }
}
