using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Gpu.Driver;

/// <summary>
/// LDPC encode batches, for now on the host: CRC attach, encoding, rate matching and interleaving per code block with
/// the SIMD code of src/Bbdev/Fec on the queue's worker thread (asynchronous to the application, like the decode
/// path). Encoding costs a small fraction of decoding; moving it into a kernel is left for later.
/// </summary>
internal sealed class GpuLdpcEncProcessor(LdpcEncCapability capability) : IGpuBatchProcessor<LdpcEncOp>
{
    private readonly LdpcCodeBlockEngine _engine = LdpcCodeBlockEngine.Create();
    private readonly OpBuffers _buffers = new();

    public int SlotCount => 1;

    public void BindThread()
    {
    }

    public int CodeBlocks(LdpcEncOp op) => op.CodeBlockMode == CodeBlockMode.CodeBlock ? 1 : Math.Max(1, (int)op.TbParams.C - op.TbParams.R);

    public void Submit(int slot, ReadOnlySpan<LdpcEncOp> ops)
    {
        foreach (LdpcEncOp op in ops)
        {
            Process(op);
        }
    }

    public void Finish(int slot, ReadOnlySpan<LdpcEncOp> ops)
    {
    }

    public void Dispose()
    {
    }

    private void Process(LdpcEncOp op)
    {
        op.ClearStatus();
        string? error = BbdevOpValidator.Validate(op, capability);
        if (error is not null)
        {
            op.Reject(BbdevOpStatus.DataError, error);
            op.Output.Length = 0;
            return;
        }

        CrcType? crc = BbdevOpValidator.EncoderCrc(op.OpFlags);
        bool bypass = (op.OpFlags & LdpcEncFlags.InterleaverBypass) != 0;
        LdpcBlockParameters p = BbdevOpValidator.Parameters(op.BaseGraph, op.Zc, op.NFiller, op.NCb, op.Qm, op.RvIndex, 0, E(op, 0))
            with { InterleaverBypass = bypass };
        int inPerBlock = LdpcCodeBlockEngine.EncoderInputBytes(p, crc);
        int blocks = BbdevOpValidator.CodeBlocksInOp(op.CodeBlockMode, op.TbParams, op.Input.Length, inPerBlock);
        int outTotal = 0;
        for (int b = 0; b < blocks; b++)
        {
            outTotal += LdpcCodeBlockEngine.EncodedBytes(p with { E = E(op, b) });
        }

        ReadOnlySpan<byte> input = _buffers.Input(op.Input);
        Span<byte> output = _buffers.Output(op.Output, outTotal);
        int inOffset = 0;
        int outOffset = 0;
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                outOffset += _engine.Encode(p with { E = E(op, b) }, input.Slice(inOffset, inPerBlock), crc, output[outOffset..]);
                inOffset += inPerBlock;
            }
        }
        catch (ArgumentException ex)
        {
            op.Reject(BbdevOpStatus.DriverError, ex.Message);
            op.Output.Length = 0;
            return;
        }

        _buffers.CommitOutput(op.Output, outOffset);
    }

    private static int E(LdpcEncOp op, int block) =>
        op.CodeBlockMode == CodeBlockMode.CodeBlock ? op.CbParams.E : op.TbParams.EOf(op.TbParams.R + block);
}
