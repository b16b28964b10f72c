namespace AccelSdk.Qdma.Hardware;

/// <summary>What a QDMA FEC queue's engine implements (<see cref="QdmaQueueGeometry.Features"/>).</summary>
[Flags]
internal enum QdmaFeatures : uint
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Bit 0: LDPC encode jobs (<see cref="QdmaOpcode.LdpcEncode"/>).</summary>
    LdpcEncode = 1u << 0,

    /// <summary>Bit 1: LDPC decode jobs (<see cref="QdmaOpcode.LdpcDecode"/>).</summary>
    LdpcDecode = 1u << 1,

    /// <summary>Bit 2: transport-block jobs (several code blocks per job, <see cref="QdmaH2cDescriptor.Mode"/> 0).</summary>
    TransportBlock = 1u << 2,

    /// <summary>Bit 3: a stream may span several descriptors (scatter-gather).</summary>
    ScatterGather = 1u << 3,

    /// <summary>Bit 4: turbo encode jobs (<see cref="QdmaOpcode.TurboEncode"/>).</summary>
    TurboEncode = 1u << 4,

    /// <summary>Bit 5: turbo decode jobs (<see cref="QdmaOpcode.TurboDecode"/>).</summary>
    TurboDecode = 1u << 5,
}
