namespace AccelSdk.Qdma.Hardware;

/// <summary>Why a job failed: bits 31:24 of a completion entry's Word0 (0 when it did not).</summary>
/// <remarks>
/// A chain whose job boundaries cannot be trusted (no start of packet at the consumer index, descriptor counts out
/// of range) is not a job error but a queue error: the device flags it in the ring's status word and stops the queue,
/// as QDMA invalidates a queue context on a descriptor error. Values 1 and 2 are reserved for those conditions.
/// </remarks>
internal enum QdmaJobError : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The opcode is unknown, or its pipeline is absent.</summary>
    Opcode = 3,

    /// <summary>A descriptor's stream, SOP or EOP bits are inconsistent with the job.</summary>
    DescriptorLayout = 4,

    /// <summary>An input buffer lies outside reachable memory.</summary>
    InputAddress = 5,

    /// <summary>An output buffer lies outside reachable memory.</summary>
    OutputAddress = 6,

    /// <summary>The HARQ input buffer lies outside reachable memory.</summary>
    HarqInputAddress = 7,

    /// <summary>The HARQ output buffer lies outside reachable memory.</summary>
    HarqOutputAddress = 8,

    /// <summary>An LDPC parameter is out of range (base graph, Zc, F, Ncb, E, Qm, rv, k0, C, r, Cab, iterations).</summary>
    CodeParameters = 9,

    /// <summary>The op flags ask for something the engine does not implement, or for contradictory things.</summary>
    UnsupportedFlags = 10,

    /// <summary>The input length does not match the code blocks the job describes.</summary>
    InputLength = 11,

    /// <summary>The output room is smaller than the job produces.</summary>
    OutputRoom = 12,

    /// <summary>The HARQ output room is smaller than Ncb − F, or a HARQ stream is missing or misplaced.</summary>
    HarqBuffer = 13,

    /// <summary>HARQ combining was asked for in transport-block mode (code-block mode only).</summary>
    HarqInTransportBlock = 14,

    /// <summary>The engine reported an internal error (injected, or a kernel failure).</summary>
    EngineFault = 15,

    /// <summary>A descriptor's length is 0 or above MaxSegmentBytes.</summary>
    SegmentLength = 16,
}
