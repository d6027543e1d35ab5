namespace Station.Images.Export;

/// <summary>What a programmer (J-Link, J-Flash, gang programmer) is given.</summary>
public enum ExportFormat
{
    /// <summary>Raw bytes; the programmer must be told the address.</summary>
    Binary,

    /// <summary>Intel HEX with type 04 records; the address is in the file.</summary>
    IntelHex,

    /// <summary>Motorola S-record with S3/S7 (32-bit) records; the address is in the file.</summary>
    SRecord,
}
