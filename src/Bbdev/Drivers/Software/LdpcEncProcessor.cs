using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>Processes LDPC encode ops on the CPU: per code block CRC attach, encoding, rate matching and interleaving.</summary>
internal sealed class LdpcEncProcessor(LdpcEncCapability capability, LdpcCodeBlockEngine engine) : IBbdevOpProcessor<LdpcEncOp>
{
    private readonly OpBuffers _buffers = new();

    public void Process(LdpcEncOp op)
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
        LdpcBlockParameters p = Parameters(op, op.CodeBlockMode == CodeBlockMode.CodeBlock ? op.CbParams.E : op.TbParams.EOf(op.TbParams.R), bypass);
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
                LdpcBlockParameters block = p with { E = E(op, b) };
                outOffset += engine.Encode(block, input.Slice(inOffset, inPerBlock), crc, output[outOffset..]);
                inOffset += inPerBlock;
            }
        }
        catch (ArgumentException ex)
        {
            // Validation passed, so this is a driver defect; report it on the op rather than crash the worker.
            op.Reject(BbdevOpStatus.DriverError, ex.Message);
            op.Output.Length = 0;
            return;
        }

        _buffers.CommitOutput(op.Output, outOffset);
    }

    private static int E(LdpcEncOp op, int block) =>
        op.CodeBlockMode == CodeBlockMode.CodeBlock ? op.CbParams.E : op.TbParams.EOf(op.TbParams.R + block);

    private static LdpcBlockParameters Parameters(LdpcEncOp op, int e, bool bypass) =>
        BbdevOpValidator.Parameters(op.BaseGraph, op.Zc, op.NFiller, op.NCb, op.Qm, op.RvIndex, 0, e) with { InterleaverBypass = bypass };
}
