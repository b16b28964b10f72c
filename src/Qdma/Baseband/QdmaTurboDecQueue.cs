using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Turbo;
using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Baseband;

/// <summary>
/// Turbo decode ops as QDMA jobs: de-rate-matched LLRs in the H2C data stream, hard decisions back in the C2H data
/// stream and the soft output, when asked, in the C2H HARQ stream; status, iterations and lengths from the completion
/// entry.
/// </summary>
/// <remarks>
/// As on <c>baseband_sw</c>, the op's ext_scale is a hardware tuning value the engine does not take (it scales
/// extrinsic values by 0.75), and num_maps does not apply.
/// </remarks>
internal sealed class QdmaTurboDecQueue(int queueId, BbdevQueueConfig config, QdmaDevice device, TurboDecCapability capability)
    : QdmaBbdevQueue<TurboDecOp>(queueId, config, device)
{
    private const string NoScatterGather = "baseband_qdma: a buffer of the op is chained, and this device does not advertise TURBO_DEC_SCATTER_GATHER.";

    protected override string? Validate(TurboDecOp op)
    {
        string? error = BbdevOpValidator.Validate(op, capability);
        if (error is null && (capability.CapabilityFlags & TurboDecFlags.DecScatterGather) == 0
            && (op.Input.Data?.Next is not null || op.HardOutput.Data?.Next is not null || op.SoftOutput.Data?.Next is not null))
        {
            error = NoScatterGather;
        }

        return error;
    }

    protected override void Describe(TurboDecOp op, ref QdmaJob job, int maxSegmentBytes)
    {
        int blocks = BbdevOpValidator.TurboCodeBlocksInOp(op, op.Input.Length);
        bool soft = (op.OpFlags & TurboDecFlags.SoftOutput) != 0;
        int hardBytes = 0;
        int softBytes = 0;
        for (int b = 0; b < blocks; b++)
        {
            int k = BbdevOpValidator.TurboDecoderBlockSize(op, b);
            hardBytes += BbdevOpValidator.TurboHardOutputBits(op, k) >> 3;
            softBytes += soft ? TurboDecoder.SoftOutputLength(k) : 0;
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
            QdmaTurboEncQueue.DescribeTransportBlock(op.TbParams, ref h);
        }

        h.Opcode = QdmaOpcode.TurboDecode;
        h.OpFlags = (uint)op.OpFlags;
        h.RvIndex = (byte)op.RvIndex;
        h.IterMax = (byte)op.IterMax;
        h.IterMin = (byte)op.IterMin;
        job.Input = StreamPlan.ForInput(op.Input, op.Input.Length, QdmaStream.Data, maxSegmentBytes);
        job.Output = StreamPlan.ForOutput(op.HardOutput, hardBytes, QdmaStream.Data, maxSegmentBytes);
        if (soft)
        {
            job.HarqOutput = StreamPlan.ForOutput(op.SoftOutput, softBytes, QdmaStream.Harq, maxSegmentBytes);
        }
    }

    protected override void ClearOutputs(TurboDecOp op)
    {
        op.IterCount = 0;
        op.HardOutput.Length = 0;
        op.SoftOutput.Length = 0;
    }

    protected override void Complete(TurboDecOp op, in QdmaCompletionEntry entry)
    {
        op.Status = MapStatus(in entry, out string? detail);
        op.StatusDetail = detail;
        op.IterCount = entry.Iterations;
        StreamPlan.Append(op.HardOutput, (int)entry.OutputLength);
        if ((op.OpFlags & TurboDecFlags.SoftOutput) != 0)
        {
            StreamPlan.Append(op.SoftOutput, (int)entry.HarqOutputLength);
        }
    }
}
