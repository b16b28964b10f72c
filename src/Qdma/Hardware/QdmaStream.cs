namespace AccelSdk.Qdma.Hardware;

/// <summary>Which data stream of a job a descriptor carries (<c>Stream</c> byte of H2C and C2H descriptors).</summary>
internal enum QdmaStream : byte
{
    /// <summary>H2C: the job's input (information bits or LLRs). C2H: the job's output (coded or decoded bits).</summary>
    Data = 0,

    /// <summary>
    /// H2C: the HARQ combined input LLRs. C2H: room for the HARQ combined output LLRs (LDPC decode) or for the soft
    /// output (turbo decode).
    /// </summary>
    Harq = 1,
}
