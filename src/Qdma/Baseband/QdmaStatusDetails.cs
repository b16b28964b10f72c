using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Baseband;

/// <summary>The <see cref="Bbdev.BbdevOp.StatusDetail"/> text for each device error code (constant strings: no allocation on dequeue).</summary>
internal static class QdmaStatusDetails
{
    /// <summary>What the device's error code means.</summary>
    public static string Describe(QdmaJobError error) => error switch
    {
        QdmaJobError.Opcode => "device: the job's opcode is unknown or its pipeline is absent (descriptor error).",
        QdmaJobError.DescriptorLayout => "device: the job's descriptors carry inconsistent SOP/EOP or stream fields (descriptor error).",
        QdmaJobError.InputAddress => "device: an input buffer lies outside the memory the device may reach (DMA fault); nothing was read or written.",
        QdmaJobError.OutputAddress => "device: an output buffer lies outside the memory the device may reach (DMA fault); nothing was read or written.",
        QdmaJobError.HarqInputAddress => "device: the HARQ input buffer lies outside the memory the device may reach (DMA fault); nothing was read or written.",
        QdmaJobError.HarqOutputAddress => "device: the HARQ output buffer lies outside the memory the device may reach (DMA fault); nothing was read or written.",
        QdmaJobError.CodeParameters => "device: an LDPC parameter of the job is out of range.",
        QdmaJobError.UnsupportedFlags => "device: the job's op flags ask for something the engine does not implement.",
        QdmaJobError.InputLength => "device: the input length does not match the code blocks of the job.",
        QdmaJobError.OutputRoom => "device: the output room is smaller than the job produces.",
        QdmaJobError.HarqBuffer => "device: the HARQ buffers of the job are missing, misplaced or too small.",
        QdmaJobError.HarqInTransportBlock => "device: HARQ combining is supported in code-block mode only.",
        QdmaJobError.EngineFault => "device: the FEC engine reported an internal error while processing the job.",
        QdmaJobError.SegmentLength => "device: a descriptor's length is 0 or above the device's largest segment.",
        _ => "device: the job failed with an unknown error code.",
    };
}
