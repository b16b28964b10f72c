using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Turbo;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>Processes turbo encode ops on the CPU: per code block CRC attach, turbo encoding and rate matching.</summary>
internal sealed class TurboEncProcessor(TurboEncCapability capability, TurboCodeBlockEngine engine) : IBbdevOpProcessor<TurboEncOp>
{
    private readonly OpBuffers _buffers = new();

    public void Process(TurboEncOp op)
    {
        op.ClearStatus();
        string? error = BbdevOpValidator.Validate(op, capability);
        if (error is not null)
        {
            op.Reject(BbdevOpStatus.DataError, error);
            op.Output.Length = 0;
            return;
        }

        CrcType? crc = BbdevOpValidator.TurboEncoderCrc(op);
        int blocks = BbdevOpValidator.TurboCodeBlocksInOp(op, op.Input.Length);
        int outTotal = 0;
        for (int b = 0; b < blocks; b++)
        {
            outTotal += TurboCodeBlockEngine.EncodedBytes(BbdevOpValidator.TurboEncoderBlock(op, b));
        }

        ReadOnlySpan<byte> input = _buffers.Input(op.Input);
        Span<byte> output = _buffers.Output(op.Output, outTotal);
        int inOffset = 0;
        int outOffset = 0;
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                TurboBlockParameters block = BbdevOpValidator.TurboEncoderBlock(op, b);
                outOffset += engine.Encode(block, input[inOffset..], crc, output[outOffset..]);
                inOffset += TurboCodeBlockEngine.EncoderInputBytes(block.K, crc);
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
}
