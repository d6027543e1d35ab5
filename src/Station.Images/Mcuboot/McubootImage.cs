using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Station.Images.Mcuboot;

/// <summary>
/// A parsed MCUboot image: header, payload, protected TLVs (0x6908), TLVs (0x6907) and, for a
/// slot-sized file, the trailer (IMAGES.md B.1). Parsing checks the structure only; hashes and
/// signatures are checked by <see cref="McubootVerifier"/>.
/// </summary>
public sealed class McubootImage
{
    /// <summary>Info magic of the protected TLV area.</summary>
    public const ushort ProtectedTlvMagic = 0x6908;

    /// <summary>Info magic of the TLV area.</summary>
    public const ushort TlvMagic = 0x6907;

    private const int TlvInfoLength = 4; // u16 magic, u16 total length including this header

    private McubootImage(string name, ReadOnlyMemory<byte> bytes, McubootImageHeader header, IReadOnlyList<McubootTlv> tlvs, int tlvEnd, McubootTrailer? trailer)
    {
        Name = name;
        Bytes = bytes;
        Header = header;
        Tlvs = tlvs;
        TlvEnd = tlvEnd;
        Trailer = trailer;
    }

    /// <summary>The file, for messages.</summary>
    public string Name { get; }

    /// <summary>The whole file.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The header.</summary>
    public McubootImageHeader Header { get; }

    /// <summary>All TLVs, protected ones first, in file order.</summary>
    public IReadOnlyList<McubootTlv> Tlvs { get; }

    /// <summary>File offset just past the TLV area: the length of the signed image without padding.</summary>
    public int TlvEnd { get; }

    /// <summary>The trailer, when the file is padded to a slot and ends with the boot magic.</summary>
    public McubootTrailer? Trailer { get; }

    /// <summary>The payload (from ih_hdr_size, ih_img_size bytes).</summary>
    public ReadOnlyMemory<byte> Payload => Bytes.Slice(Header.HeaderSize, (int)Header.ImageSize);

    /// <summary>The region the hash and signature cover: header, padding, payload and protected TLVs.</summary>
    public ReadOnlyMemory<byte> HashedRegion => Bytes[..(int)Header.HashedLength];

    /// <summary>The first TLV of <paramref name="type"/>, if any.</summary>
    public McubootTlv? Find(McubootTlvType type) => Tlvs.FirstOrDefault(t => t.Type == type);

    /// <summary>The hash TLV (SHA-256, -384 or -512) and its algorithm, if the image has one.</summary>
    public (McubootTlv Tlv, HashAlgorithmName Algorithm)? HashTlv => Tlvs
        .Where(t => !t.IsProtected)
        .Select(t => t.Type switch
        {
            McubootTlvType.Sha256 => (t, HashAlgorithmName.SHA256),
            McubootTlvType.Sha384 => (t, HashAlgorithmName.SHA384),
            McubootTlvType.Sha512 => (t, HashAlgorithmName.SHA512),
            _ => ((McubootTlv, HashAlgorithmName)?)null,
        })
        .FirstOrDefault(x => x is not null);

    /// <summary>The security counter, if the image has the protected SEC_CNT TLV.</summary>
    public uint? SecurityCounter => Find(McubootTlvType.SecurityCounter) is { Value.Length: 4 } tlv
        ? BinaryPrimitives.ReadUInt32LittleEndian(tlv.Value.Span)
        : null;

    /// <summary>Whether <paramref name="bytes"/> start with the MCUboot image magic.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => McubootImageHeader.HasMagic(bytes);

    /// <summary>Parses a signed image (.bin, optionally padded to the slot with a trailer).</summary>
    /// <exception cref="ImageFormatException">Wrong magic, sizes that do not fit the file, or a broken TLV area.</exception>
    public static McubootImage Parse(ReadOnlyMemory<byte> bytes, string name)
    {
        var span = bytes.Span;
        if (span.Length < McubootImageHeader.Length)
        {
            throw new ImageFormatException(name, $"too short for an MCUboot header ({span.Length} of {McubootImageHeader.Length} bytes)");
        }

        var header = McubootImageHeader.Parse(span);
        if (header.Magic == McubootImageHeader.ImageMagicV1)
        {
            throw new ImageFormatException(name, "old MCUboot v1 image (magic 0x96F3B83C); re-sign it with a current imgtool");
        }

        if (header.Magic != McubootImageHeader.ImageMagic)
        {
            throw new ImageFormatException(name, $"not an MCUboot image: magic 0x{header.Magic:X8}, expected 0x{McubootImageHeader.ImageMagic:X8}");
        }

        if (header.HeaderSize < McubootImageHeader.Length)
        {
            throw new ImageFormatException(name, $"ih_hdr_size 0x{header.HeaderSize:X} is smaller than the 32-byte header");
        }

        if (header.HashedLength + TlvInfoLength > span.Length)
        {
            throw new ImageFormatException(name, $"header says 0x{header.HeaderSize:X} + 0x{header.ImageSize:X} payload + 0x{header.ProtectedTlvSize:X} protected TLVs, more than the {span.Length}-byte file; it is truncated");
        }

        var tlvs = new List<McubootTlv>();
        var offset = (int)header.TlvOffset;
        if (header.ProtectedTlvSize != 0)
        {
            var end = ReadArea(span, offset, ProtectedTlvMagic, isProtected: true, tlvs, name);
            if (end - offset != header.ProtectedTlvSize)
            {
                throw new ImageFormatException(name, $"protected TLV area is {end - offset} bytes but the header says {header.ProtectedTlvSize}");
            }

            offset = end;
        }

        var tlvEnd = ReadArea(span, offset, TlvMagic, isProtected: false, tlvs, name);
        var trailer = span.Length > tlvEnd ? McubootTrailer.TryRead(span) : null;
        return new McubootImage(name, bytes, header, tlvs, tlvEnd, trailer);
    }

    /// <summary>The digest of <see cref="HashedRegion"/> with <paramref name="algorithm"/>.</summary>
    public byte[] ComputeDigest(HashAlgorithmName algorithm)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        hash.AppendData(HashedRegion.Span);
        return hash.GetHashAndReset();
    }

    private static int ReadArea(ReadOnlySpan<byte> span, int offset, ushort magic, bool isProtected, List<McubootTlv> tlvs, string name)
    {
        var area = isProtected ? "protected TLV area" : "TLV area";
        if (offset + TlvInfoLength > span.Length)
        {
            throw new ImageFormatException(name, $"{area} at 0x{offset:X} is missing; the file is truncated");
        }

        var found = BinaryPrimitives.ReadUInt16LittleEndian(span[offset..]);
        var total = BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 2)..]);
        if (found != magic)
        {
            throw new ImageFormatException(name, $"no {area} at 0x{offset:X}: magic 0x{found:X4}, expected 0x{magic:X4} (wrong ih_img_size, or not signed)");
        }

        var end = offset + total;
        if (total < TlvInfoLength || end > span.Length)
        {
            throw new ImageFormatException(name, $"{area} at 0x{offset:X} claims {total} bytes, past the end of the {span.Length}-byte file; it is truncated");
        }

        var position = offset + TlvInfoLength;
        while (position < end)
        {
            if (position + McubootTlv.HeaderLength > end)
            {
                throw new ImageFormatException(name, $"TLV at 0x{position:X} is cut off by the end of the {area}");
            }

            var type = BinaryPrimitives.ReadUInt16LittleEndian(span[position..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(span[(position + 2)..]);
            var valueAt = position + McubootTlv.HeaderLength;
            if (valueAt + length > end)
            {
                throw new ImageFormatException(name, $"TLV 0x{type:X2} at 0x{position:X} is {length} bytes long, past the end of the {area}");
            }

            tlvs.Add(new McubootTlv((McubootTlvType)type, span.Slice(valueAt, length).ToArray(), isProtected, position));
            position = valueAt + length;
        }

        return end;
    }
}
