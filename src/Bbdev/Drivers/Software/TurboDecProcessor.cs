using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Turbo;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>
/// Processes turbo decode ops on the CPU: per code block sub-block de-interleaving (or the three-stream layout), LLR
/// sign adaptation, max-log-MAP decoding with CRC early termination, CRC check, hard output with or without each
/// block's CRC24B, and soft output.
/// </summary>
/// <remarks>
/// The op's <see cref="TurboDecOp.ExtScale"/> is a hardware tuning value; this driver always scales extrinsic values by
/// <see cref="TurboDecoder.DefaultExtrinsicScale"/>/16 (0.75), which decodes the DPDK vectors in fewer iterations than
/// the vectors' 15/16. <see cref="TurboDecOp.NumMaps"/> does not apply (no MAP_DEC capability).
/// </remarks>
internal sealed class TurboDecProcessor(TurboDecCapability capability, TurboCodeBlockEngine engine) : IBbdevOpProcessor<TurboDecOp>
{
    private readonly OpBuffers _input = new();
    private readonly OpBuffers _hard = new();
    private readonly OpBuffers _soft = new();

    public void Process(TurboDecOp op)
    {
        op.ClearStatus();
        op.IterCount = 0;
        string? error = BbdevOpValidator.Validate(op, capability);
        if (error is not null)
        {
            op.Reject(BbdevOpStatus.DataError, error);
            op.HardOutput.Length = 0;
            op.SoftOutput.Length = 0;
            return;
        }

        TurboDecFlags flags = op.OpFlags;
        var settings = new TurboDecodeSettings
        {
            IterMax = op.IterMax,
            IterMin = op.IterMin,
            EarlyTermination = (flags & TurboDecFlags.EarlyTermination) != 0 ? TurboEarlyTermination.Crc : TurboEarlyTermination.None,
            Crc = BbdevOpValidator.TurboDecoderCrc(op),
            InputFormat = (flags & TurboDecFlags.SubblockDeinterleave) != 0 ? TurboInputFormat.CircularBuffer : TurboInputFormat.Streams,
            InputPositiveIsOne = (flags & TurboDecFlags.PosLlr1BitIn) != 0,
            SoftOutputPositiveIsOne = (flags & TurboDecFlags.PosLlr1BitSoftOut) != 0,
        };
        bool soft = (flags & TurboDecFlags.SoftOutput) != 0;
        bool drop = BbdevOpValidator.TurboDropsCrc(op);
        int blocks = BbdevOpValidator.TurboCodeBlocksInOp(op, op.Input.Length);
        int hardTotal = 0;
        int softTotal = 0;
        for (int b = 0; b < blocks; b++)
        {
            int k = BbdevOpValidator.TurboDecoderBlockSize(op, b);
            hardTotal += BbdevOpValidator.TurboHardOutputBits(op, k) >> 3;
            softTotal += soft ? TurboDecoder.SoftOutputLength(k) : 0;
        }

        ReadOnlySpan<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(_input.Input(op.Input));
        Span<byte> hard = _hard.Output(op.HardOutput, hardTotal);
        Span<sbyte> softOut = soft ? MemoryMarshal.Cast<byte, sbyte>(_soft.Output(op.SoftOutput, softTotal)) : default;
        BbdevOpStatus status = BbdevOpStatus.None;
        int iterations = 0;
        int inOffset = 0;
        int hardOffset = 0;
        int softOffset = 0;
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                int k = BbdevOpValidator.TurboDecoderBlockSize(op, b);
                int inLength = TurboDecoder.InputLength(k);
                Span<sbyte> softBlock = soft ? softOut.Slice(softOffset, TurboDecoder.SoftOutputLength(k)) : default;
                TurboCodeBlockResult result = engine.Decode(k, llrs.Slice(inOffset, inLength), settings, drop, hard[hardOffset..], softBlock);
                inOffset += inLength;
                hardOffset += result.HardOutputBits >> 3;
                softOffset += result.SoftOutputLength;
                iterations = Math.Max(iterations, result.Iterations);
                if (result.CrcPassed == false)
                {
                    status |= BbdevOpStatus.CrcError;
                }
            }
        }
        catch (ArgumentException ex)
        {
            op.Reject(BbdevOpStatus.DriverError, ex.Message);
            op.HardOutput.Length = 0;
            op.SoftOutput.Length = 0;
            return;
        }

        op.Status = status;
        op.IterCount = iterations;
        _hard.CommitOutput(op.HardOutput, hardOffset);
        if (soft)
        {
            _soft.CommitOutput(op.SoftOutput, softOffset);
        }
    }
}
