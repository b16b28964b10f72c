using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Baseband;

/// <summary>
/// LDPC decode ops as QDMA jobs: LLRs (and the HARQ input) in the H2C streams, hard decisions (and the HARQ output)
/// back in the C2H streams; status, iterations and lengths from the completion entry. HARQ buffers stay in host
/// memory: the device reads and writes them by address.
/// </summary>
internal sealed class QdmaLdpcDecQueue(int queueId, BbdevQueueConfig config, QdmaDevice device, LdpcDecCapability capability)
    : QdmaBbdevQueue<LdpcDecOp>(queueId, config, device)
{
    private const string NoScatterGather = "baseband_qdma: a buffer of the op is chained, and this device does not advertise LDPC_DEC_SCATTER_GATHER.";

    protected override string? Validate(LdpcDecOp op)
    {
        string? error = BbdevOpValidator.Validate(op, capability);
        if (error is null && (capability.CapabilityFlags & LdpcDecFlags.DecScatterGather) == 0
            && (op.Input.Data?.Next is not null || op.HardOutput.Data?.Next is not null
                || op.HarqCombinedInput.Data?.Next is not null || op.HarqCombinedOutput.Data?.Next is not null))
        {
            error = NoScatterGather;
        }

        return error;
    }

    protected override void Describe(LdpcDecOp op, ref QdmaJob job, int maxSegmentBytes)
    {
        int kPrime = ((op.BaseGraph == 1 ? 22 : 10) * op.Zc) - op.NFiller;
        int hardPerBlock = (op.OpFlags & LdpcDecFlags.DecodeBypass) != 0
            ? 0
            : BbdevOpValidator.BytesFor(kPrime - ((op.OpFlags & LdpcDecFlags.Crc24BDrop) != 0 ? 24 : 0));
        int blocks;
        ref QdmaH2cDescriptor h = ref job.Header;
        if (op.CodeBlockMode == CodeBlockMode.CodeBlock)
        {
            blocks = 1;
            h.Mode = QdmaH2cDescriptor.CodeBlockMode;
            h.Ea = h.Eb = (uint)op.CbParams.E;
            h.C = 1;
            h.R = 0;
            h.Cab = 1;
        }
        else
        {
            LdpcTbParams tb = op.TbParams;
            blocks = BbdevOpValidator.CodeBlocksInOp(op.CodeBlockMode, tb, op.Input.Length, -1);
            h.Mode = QdmaH2cDescriptor.TransportBlockMode;
            h.Ea = (uint)tb.Ea;
            h.Eb = (uint)tb.Eb;
            h.C = (ushort)tb.C;
            h.R = (ushort)tb.R;
            h.Cab = (ushort)tb.Cab;
        }

        h.Opcode = QdmaOpcode.LdpcDecode;
        h.BaseGraph = (byte)op.BaseGraph;
        h.Zc = (ushort)op.Zc;
        h.OpFlags = (uint)op.OpFlags;
        h.NFiller = (ushort)op.NFiller;
        h.Ncb = (ushort)op.NCb;
        h.K0 = (ushort)op.K0;
        h.RvIndex = (byte)op.RvIndex;
        h.Qm = (byte)op.Qm;
        h.IterMax = (byte)op.IterMax;
        job.Input = StreamPlan.ForInput(op.Input, op.Input.Length, QdmaStream.Data, maxSegmentBytes);
        job.Output = StreamPlan.ForOutput(op.HardOutput, blocks * hardPerBlock, QdmaStream.Data, maxSegmentBytes);
        if ((op.OpFlags & LdpcDecFlags.HqCombineInEnable) != 0)
        {
            job.HarqInput = StreamPlan.ForInput(op.HarqCombinedInput, op.HarqCombinedInput.Length, QdmaStream.Harq, maxSegmentBytes);
        }

        if ((op.OpFlags & LdpcDecFlags.HqCombineOutEnable) != 0)
        {
            int compact = BbdevOpValidator.Parameters(op.BaseGraph, op.Zc, op.NFiller, op.NCb, op.Qm, op.RvIndex, op.K0, op.CbParams.E).CompactLength;
            job.HarqOutput = StreamPlan.ForOutput(op.HarqCombinedOutput, compact, QdmaStream.Harq, maxSegmentBytes);
        }
    }

    protected override void ClearOutputs(LdpcDecOp op)
    {
        op.IterCount = 0;
        op.HardOutput.Length = 0;
        op.HarqCombinedOutput.Length = 0;
    }

    protected override void Complete(LdpcDecOp op, in QdmaCompletionEntry entry)
    {
        op.Status = MapStatus(in entry, out string? detail);
        op.StatusDetail = detail;
        op.IterCount = entry.Iterations;
        StreamPlan.Append(op.HardOutput, (int)entry.OutputLength);
        if ((op.OpFlags & LdpcDecFlags.HqCombineOutEnable) != 0)
        {
            StreamPlan.Append(op.HarqCombinedOutput, (int)entry.HarqOutputLength);
        }
    }
}
