using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Baseband;

/// <summary>LDPC encode ops as QDMA jobs: information bits in the H2C data stream, coded bits back in the C2H data stream.</summary>
internal sealed class QdmaLdpcEncQueue(int queueId, BbdevQueueConfig config, QdmaDevice device, LdpcEncCapability capability)
    : QdmaBbdevQueue<LdpcEncOp>(queueId, config, device)
{
    private const string NoScatterGather = "baseband_qdma: the op's input is a chained buffer, and this device does not advertise LDPC_ENC_SCATTER_GATHER.";

    protected override string? Validate(LdpcEncOp op)
    {
        string? error = BbdevOpValidator.Validate(op, capability);
        if (error is null && (capability.CapabilityFlags & LdpcEncFlags.EncScatterGather) == 0 && (op.Input.Data?.Next is not null || op.Output.Data?.Next is not null))
        {
            error = NoScatterGather;
        }

        return error;
    }

    protected override void Describe(LdpcEncOp op, ref QdmaJob job, int maxSegmentBytes)
    {
        int kPrime = ((op.BaseGraph == 1 ? 22 : 10) * op.Zc) - op.NFiller;
        int inputPerBlock = BbdevOpValidator.BytesFor(kPrime - BbdevOpValidator.EncoderCrcBits(op.OpFlags));
        int outputBytes;
        ref QdmaH2cDescriptor h = ref job.Header;
        if (op.CodeBlockMode == CodeBlockMode.CodeBlock)
        {
            outputBytes = BbdevOpValidator.BytesFor(op.CbParams.E);
            h.Mode = QdmaH2cDescriptor.CodeBlockMode;
            h.Ea = h.Eb = (uint)op.CbParams.E;
            h.C = 1;
            h.R = 0;
            h.Cab = 1;
        }
        else
        {
            LdpcTbParams tb = op.TbParams;
            int blocks = BbdevOpValidator.CodeBlocksInOp(op.CodeBlockMode, tb, op.Input.Length, inputPerBlock);
            outputBytes = 0;
            for (int r = tb.R; r < tb.R + blocks; r++)
            {
                outputBytes += BbdevOpValidator.BytesFor(tb.EOf(r));
            }

            h.Mode = QdmaH2cDescriptor.TransportBlockMode;
            h.Ea = (uint)tb.Ea;
            h.Eb = (uint)tb.Eb;
            h.C = (ushort)tb.C;
            h.R = (ushort)tb.R;
            h.Cab = (ushort)tb.Cab;
        }

        h.Opcode = QdmaOpcode.LdpcEncode;
        h.BaseGraph = (byte)op.BaseGraph;
        h.Zc = (ushort)op.Zc;
        h.OpFlags = (uint)op.OpFlags;
        h.NFiller = (ushort)op.NFiller;
        h.Ncb = (ushort)op.NCb;
        h.RvIndex = (byte)op.RvIndex;
        h.Qm = (byte)op.Qm;
        job.Input = StreamPlan.ForInput(op.Input, op.Input.Length, QdmaStream.Data, maxSegmentBytes);
        job.Output = StreamPlan.ForOutput(op.Output, outputBytes, QdmaStream.Data, maxSegmentBytes);
    }

    protected override void ClearOutputs(LdpcEncOp op) => op.Output.Length = 0;

    protected override void Complete(LdpcEncOp op, in QdmaCompletionEntry entry)
    {
        op.Status = MapStatus(in entry, out string? detail);
        op.StatusDetail = detail;
        StreamPlan.Append(op.Output, (int)entry.OutputLength);
    }
}
