using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>
/// Processes LDPC decode ops on the CPU: per code block de-interleaving, rate recovery with HARQ combining,
/// layered min-sum decoding, CRC check and hard-decision packing.
/// </summary>
internal sealed class LdpcDecProcessor(LdpcDecCapability capability, LdpcCodeBlockEngine engine) : IBbdevOpProcessor<LdpcDecOp>
{
    private readonly OpBuffers _input = new();
    private readonly OpBuffers _harqInput = new();
    private readonly OpBuffers _output = new();
    private readonly OpBuffers _harqOutput = new();

    public void Process(LdpcDecOp op)
    {
        op.ClearStatus();
        op.IterCount = 0;
        string? error = BbdevOpValidator.Validate(op, capability);
        if (error is not null)
        {
            op.Reject(BbdevOpStatus.DataError, error);
            op.HardOutput.Length = 0;
            op.HarqCombinedOutput.Length = 0;
            return;
        }

        LdpcDecFlags flags = op.OpFlags;
        var settings = new LdpcDecodeSettings
        {
            IterMax = op.IterMax,
            EarlyTermination = (flags & LdpcDecFlags.IterationStopEnable) != 0,
            CrcCheck = BbdevOpValidator.DecoderCrc(flags),
            DropCrc24B = (flags & LdpcDecFlags.Crc24BDrop) != 0,
            DecodeBypass = (flags & LdpcDecFlags.DecodeBypass) != 0,
        };
        bool harqIn = (flags & LdpcDecFlags.HqCombineInEnable) != 0;
        bool harqOut = (flags & LdpcDecFlags.HqCombineOutEnable) != 0;
        LdpcBlockParameters p = Parameters(op, E(op, 0), (flags & LdpcDecFlags.DeinterleaverBypass) != 0);
        int blocks = BbdevOpValidator.CodeBlocksInOp(op.CodeBlockMode, op.TbParams, op.Input.Length, -1);
        int hardPerBlock = settings.DecodeBypass ? 0 : (p.KPrime - (settings.DropCrc24B ? 24 : 0) + 7) >> 3;

        ReadOnlySpan<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(_input.Input(op.Input));
        ReadOnlySpan<sbyte> harqInput = harqIn ? MemoryMarshal.Cast<byte, sbyte>(_harqInput.Input(op.HarqCombinedInput)) : default;
        Span<byte> hard = _output.Output(op.HardOutput, hardPerBlock * blocks);
        Span<sbyte> harqOutput = harqOut ? MemoryMarshal.Cast<byte, sbyte>(_harqOutput.Output(op.HarqCombinedOutput, p.CompactLength)) : default;

        BbdevOpStatus status = BbdevOpStatus.None;
        int maxIterations = 0;
        int llrOffset = 0;
        int harqLength = 0;
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                LdpcBlockParameters block = p with { E = E(op, b) };
                LdpcCodeBlockResult result = engine.Decode(block, llrs.Slice(llrOffset, block.E), settings,
                    hard.Slice(b * hardPerBlock, hardPerBlock), harqInput, harqOutput);
                llrOffset += block.E;
                harqLength = result.HarqLength;
                maxIterations = Math.Max(maxIterations, result.Iterations);
                if (!settings.DecodeBypass && !result.SyndromePassed)
                {
                    status |= BbdevOpStatus.SyndromeError;
                }

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
            op.HarqCombinedOutput.Length = 0;
            return;
        }

        op.Status = status;
        op.IterCount = maxIterations;
        _output.CommitOutput(op.HardOutput, hardPerBlock * blocks);
        if (harqOut)
        {
            _harqOutput.CommitOutput(op.HarqCombinedOutput, harqLength);
        }
    }

    private static int E(LdpcDecOp op, int block) =>
        op.CodeBlockMode == CodeBlockMode.CodeBlock ? op.CbParams.E : op.TbParams.EOf(op.TbParams.R + block);

    private static LdpcBlockParameters Parameters(LdpcDecOp op, int e, bool bypass) =>
        BbdevOpValidator.Parameters(op.BaseGraph, op.Zc, op.NFiller, op.NCb, op.Qm, op.RvIndex, op.K0, e) with { InterleaverBypass = bypass };
}
