using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Baseband;

/// <summary>Turbo encode ops as QDMA jobs: information bits in the H2C data stream, coded bits back in the C2H data stream.</summary>
internal sealed class QdmaTurboEncQueue(int queueId, BbdevQueueConfig config, QdmaDevice device, TurboEncCapability capability)
    : QdmaBbdevQueue<TurboEncOp>(queueId, config, device)
{
    private const string NoScatterGather = "baseband_qdma: a buffer of the op is chained, and this device does not advertise TURBO_ENC_SCATTER_GATHER.";

    protected override string? Validate(TurboEncOp op)
    {
        string? error = BbdevOpValidator.Validate(op, capability);
        if (error is null && (capability.CapabilityFlags & TurboEncFlags.EncScatterGather) == 0 && (op.Input.Data?.Next is not null || op.Output.Data?.Next is not null))
        {
            error = NoScatterGather;
        }

        return error;
    }

    protected override void Describe(TurboEncOp op, ref QdmaJob job, int maxSegmentBytes)
    {
        int blocks = BbdevOpValidator.TurboCodeBlocksInOp(op, op.Input.Length);
        int outputBytes = 0;
        for (int b = 0; b < blocks; b++)
        {
            outputBytes += Bbdev.Fec.Turbo.TurboCodeBlockEngine.EncodedBytes(BbdevOpValidator.TurboEncoderBlock(op, b));
        }

        ref QdmaH2cDescriptor h = ref job.Header;
        if (op.CodeBlockMode == CodeBlockMode.CodeBlock)
        {
            TurboCbParams cb = op.CbParams;
            h.Mode = QdmaH2cDescriptor.CodeBlockMode;
            h.K = (ushort)cb.K;
            h.Ncb = (ushort)cb.Ncb;
            h.Ea = h.Eb = (uint)cb.E;
            h.C = 1;
            h.R = 0;
            h.Cab = 1;
        }
        else
        {
            DescribeTransportBlock(op.TbParams, ref h);
        }

        h.Opcode = QdmaOpcode.TurboEncode;
        h.OpFlags = (uint)op.OpFlags;
        h.RvIndex = (byte)op.RvIndex;
        job.Input = StreamPlan.ForInput(op.Input, op.Input.Length, QdmaStream.Data, maxSegmentBytes);
        job.Output = StreamPlan.ForOutput(op.Output, outputBytes, QdmaStream.Data, maxSegmentBytes);
    }

    /// <summary>Writes a turbo transport block's fields (shared with the decoder queue).</summary>
    internal static void DescribeTransportBlock(TurboTbParams tb, ref QdmaH2cDescriptor h)
    {
        h.Mode = QdmaH2cDescriptor.TransportBlockMode;
        h.K = (ushort)tb.KPos;
        h.KNeg = (ushort)tb.KNeg;
        h.CNeg = (byte)tb.CNeg;
        h.Ncb = (ushort)tb.NcbPos;
        h.NcbNeg = (ushort)tb.NcbNeg;
        h.Ea = (uint)tb.Ea;
        h.Eb = (uint)tb.Eb;
        h.C = (ushort)tb.C;
        h.R = (ushort)tb.R;
        h.Cab = (ushort)tb.Cab;
    }

    protected override void ClearOutputs(TurboEncOp op) => op.Output.Length = 0;

    protected override void Complete(TurboEncOp op, in QdmaCompletionEntry entry)
    {
        op.Status = MapStatus(in entry, out string? detail);
        op.StatusDetail = detail;
        StreamPlan.Append(op.Output, (int)entry.OutputLength);
    }
}
