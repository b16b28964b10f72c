using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Baseband;

/// <summary>
/// One op as a device job, before its descriptors are written: the job fields of the start-of-packet descriptor and
/// up to two H2C streams (input, HARQ input) and two C2H streams (output, HARQ output).
/// </summary>
internal struct QdmaJob
{
    /// <summary>The job fields (address, length, control, stream, counts and tag are filled in when written).</summary>
    public QdmaH2cDescriptor Header;

    /// <summary>The input data (information bits or LLRs).</summary>
    public StreamPlan Input;

    /// <summary>The HARQ combined input, or an empty plan.</summary>
    public StreamPlan HarqInput;

    /// <summary>The output room (coded or hard-decision bits).</summary>
    public StreamPlan Output;

    /// <summary>The HARQ combined output room, or an empty plan.</summary>
    public StreamPlan HarqOutput;

    /// <summary>H2C descriptors the job needs.</summary>
    public readonly int H2cCount => Input.Segments + HarqInput.Segments;

    /// <summary>C2H descriptors the job needs.</summary>
    public readonly int C2hCount => Output.Segments + HarqOutput.Segments;
}
