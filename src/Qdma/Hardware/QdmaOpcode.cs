namespace AccelSdk.Qdma.Hardware;

/// <summary>The job a start-of-packet H2C descriptor asks for (<see cref="QdmaH2cDescriptor.Opcode"/>).</summary>
internal enum QdmaOpcode : byte
{
    /// <summary>0: not a job (a malformed descriptor).</summary>
    None = 0,

    /// <summary>1: 5G NR LDPC encode with CRC attach, rate matching and bit interleaving (TS 38.212 5.1, 5.3.2, 5.4.2).</summary>
    LdpcEncode = 1,

    /// <summary>2: 5G NR LDPC decode with rate recovery, HARQ combining and CRC check.</summary>
    LdpcDecode = 2,

    /// <summary>3: LTE turbo encode with CRC attach and rate matching (TS 36.212 5.1.1, 5.1.3.2, 5.1.4.1).</summary>
    TurboEncode = 3,

    /// <summary>4: LTE turbo decode (max-log-MAP) of de-rate-matched LLRs, with CRC check and optional soft output.</summary>
    TurboDecode = 4,
}
