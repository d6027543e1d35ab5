namespace Station.Images.Mcuboot;

/// <summary>How the signer records the key in the image (imgtool --public-key-format).</summary>
public enum McubootPublicKeyFormat
{
    /// <summary>KEYHASH TLV with the hash of the public key (default).</summary>
    Hash,

    /// <summary>PUBKEY TLV with the whole public key.</summary>
    Full,
}
