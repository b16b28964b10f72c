namespace AccelSdk.Qdma.Hardware;

/// <summary>The control byte of H2C and C2H descriptors: packet boundaries of one job, as QDMA's SOP/EOP bits.</summary>
[Flags]
internal enum QdmaDescriptorControl : byte
{
    /// <summary>A middle descriptor of a job.</summary>
    None = 0,

    /// <summary>Bit 0: the first descriptor of a job (H2C: it carries the job fields).</summary>
    StartOfPacket = 1,

    /// <summary>Bit 1: the last descriptor of a job.</summary>
    EndOfPacket = 2,
}
