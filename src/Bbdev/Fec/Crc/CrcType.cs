namespace AccelSdk.Bbdev.Fec.Crc;

/// <summary>The CRCs of TS 38.212 5.1 (and TS 36.212 5.1.1) used by LDPC and turbo coding.</summary>
/// <remarks>
/// All are computed with a zero-initialised shift register over the bits MSB-first, without reflection or final
/// XOR, and attached MSB-first after the data.
/// </remarks>
public enum CrcType
{
    /// <summary>gCRC24A = D^24+D^23+D^18+D^17+D^14+D^11+D^10+D^7+D^6+D^5+D^4+D^3+D+1 (0x864CFB): transport-block CRC.</summary>
    Crc24A,

    /// <summary>gCRC24B = D^24+D^23+D^6+D^5+D+1 (0x800063): code-block CRC.</summary>
    Crc24B,

    /// <summary>gCRC16 = D^16+D^12+D^5+1 (0x1021): transport-block CRC for small blocks.</summary>
    Crc16,
}
