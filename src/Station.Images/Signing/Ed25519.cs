using System.Numerics;
using System.Security.Cryptography;

namespace Station.Images.Signing;

/// <summary>
/// Ed25519 (RFC 8032 section 5.1) in plain BigInteger arithmetic, written from the RFC's
/// description and its section 6 reference: extended homogeneous coordinates, the unified addition
/// formula, double-and-add scalar multiplication, cofactorless verification
/// (<c>[S]B = R + [k]A</c>, which the RFC allows). Correct rather than fast, and not constant-time:
/// signing here is for test and factory keys on a trusted host, not for secrets exposed to
/// side-channel measurement. Checked against the RFC 8032 section 7.1 test vectors.
/// </summary>
internal static class Ed25519
{
    public const int PublicKeyLength = 32;
    public const int SeedLength = 32;
    public const int SignatureLength = 64;

    // p = 2^255 - 19; q = 2^252 + 27742317777372353535851937790883648493 (the group order, "L").
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger Q = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);
    private static readonly Point BasePoint = BuildBasePoint();

    /// <summary>The public key A of a 32-byte secret seed.</summary>
    public static byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed)
    {
        var (scalar, _) = ExpandSeed(seed);
        return Encode(Multiply(scalar, BasePoint));
    }

    /// <summary>Signs <paramref name="message"/> (pure Ed25519, no prehash).</summary>
    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        var (a, prefix) = ExpandSeed(seed);
        var publicKey = Encode(Multiply(a, BasePoint));
        var r = HashToScalar(prefix, message);
        var encodedR = Encode(Multiply(r, BasePoint));
        var k = HashToScalar(encodedR, publicKey, message);
        var s = Mod(r + (k * a), Q);
        var signature = new byte[SignatureLength];
        encodedR.CopyTo(signature, 0);
        WriteLittleEndian(s, signature.AsSpan(32));
        return signature;
    }

    /// <summary>Whether <paramref name="signature"/> is a valid signature of <paramref name="message"/> under <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        var a = Decode(publicKey);
        var r = Decode(signature[..32]);
        if (a is null || r is null)
        {
            return false;
        }

        var s = new BigInteger(signature[32..], isUnsigned: true, isBigEndian: false);
        if (s >= Q)
        {
            return false; // RFC 8032 5.1.7 step 1: reject non-canonical S
        }

        var k = HashToScalar(signature[..32].ToArray(), publicKey.ToArray(), message);
        return AreEqual(Multiply(s, BasePoint), Add(r.Value, Multiply(k, a.Value)));
    }

    private static (BigInteger Scalar, byte[] Prefix) ExpandSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"an Ed25519 seed is {SeedLength} bytes", nameof(seed));
        }

        var h = SHA512.HashData(seed);

        // RFC 8032 5.1.5 step 2: clear the 3 low bits and the top bit, set bit 254.
        var scalarBytes = h.AsSpan(0, 32).ToArray();
        scalarBytes[0] &= 0xF8;
        scalarBytes[31] &= 0x7F;
        scalarBytes[31] |= 0x40;
        return (new BigInteger(scalarBytes, isUnsigned: true, isBigEndian: false), h[32..]);
    }

    private static BigInteger HashToScalar(params ReadOnlySpan<byte[]> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        foreach (var part in parts)
        {
            sha.AppendData(part);
        }

        return Mod(new BigInteger(sha.GetHashAndReset(), isUnsigned: true, isBigEndian: false), Q);
    }

    private static BigInteger HashToScalar(byte[] first, ReadOnlySpan<byte> message) => HashToScalar([first, message.ToArray()]);

    private static BigInteger HashToScalar(byte[] first, byte[] second, ReadOnlySpan<byte> message) => HashToScalar([first, second, message.ToArray()]);

    // Extended coordinates (X, Y, Z, T): x = X/Z, y = Y/Z, x*y = T/Z.
    private readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T);

    private static readonly Point Neutral = new(0, 1, 1, 0);

    private static Point Add(Point p, Point q)
    {
        // RFC 8032 5.1.4, the formula for a = -1 twisted Edwards curves.
        var a = Mod((p.Y - p.X) * (q.Y - q.X));
        var b = Mod((p.Y + p.X) * (q.Y + q.X));
        var c = Mod(2 * p.T * q.T * D);
        var d = Mod(2 * p.Z * q.Z);
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new Point(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    private static Point Multiply(BigInteger scalar, Point point)
    {
        var result = Neutral;
        while (scalar > 0)
        {
            if (!scalar.IsEven)
            {
                result = Add(result, point);
            }

            point = Add(point, point);
            scalar >>= 1;
        }

        return result;
    }

    private static bool AreEqual(Point p, Point q) =>
        Mod((p.X * q.Z) - (q.X * p.Z)) == 0 && Mod((p.Y * q.Z) - (q.Y * p.Z)) == 0;

    private static byte[] Encode(Point point)
    {
        // RFC 8032 5.1.2: y little-endian, with the low bit of x in bit 255.
        var zInverse = Inverse(point.Z);
        var x = Mod(point.X * zInverse);
        var y = Mod(point.Y * zInverse);
        var bytes = new byte[32];
        WriteLittleEndian(y, bytes);
        if (!x.IsEven)
        {
            bytes[31] |= 0x80;
        }

        return bytes;
    }

    private static Point? Decode(ReadOnlySpan<byte> encoded)
    {
        // RFC 8032 5.1.3.
        var bytes = encoded.ToArray();
        var sign = (bytes[31] & 0x80) != 0;
        bytes[31] &= 0x7F;
        var y = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
        var x = RecoverX(y, sign);
        return x is null ? null : new Point(x.Value, y, 1, Mod(x.Value * y));
    }

    private static BigInteger? RecoverX(BigInteger y, bool sign)
    {
        if (y >= P)
        {
            return null;
        }

        var x2 = Mod(((y * y) - 1) * Inverse((D * y * y) + 1));
        if (x2.IsZero)
        {
            return sign ? null : BigInteger.Zero;
        }

        var x = BigInteger.ModPow(x2, (P + 3) / 8, P);
        if (Mod((x * x) - x2) != 0)
        {
            x = Mod(x * SqrtMinusOne);
        }

        if (Mod((x * x) - x2) != 0)
        {
            return null;
        }

        if (!x.IsEven != sign)
        {
            x = P - x;
        }

        return x;
    }

    private static Point BuildBasePoint()
    {
        // B has y = 4/5 and a positive (even) x.
        var y = Mod(4 * Inverse(5));
        var x = RecoverX(y, sign: false) ?? throw new InvalidOperationException("Ed25519 base point");
        return new Point(x, y, 1, Mod(x * y));
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    private static BigInteger Mod(BigInteger value) => Mod(value, P);

    private static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var result = BigInteger.Remainder(value, modulus);
        return result.Sign < 0 ? result + modulus : result;
    }

    private static void WriteLittleEndian(BigInteger value, Span<byte> destination)
    {
        destination[..32].Clear();
        if (!value.TryWriteBytes(destination[..32], out _, isUnsigned: true, isBigEndian: false))
        {
            throw new InvalidOperationException("value does not fit 32 bytes");
        }
    }
}
