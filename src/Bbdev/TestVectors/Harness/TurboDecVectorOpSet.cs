using System.Runtime.InteropServices;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>
/// Turbo decode ops from a vector, set up as test-bbdev does: input LLRs rescaled to the device's range
/// (llr = round(max_llr_modulus·llr/127)), early termination forced on for validation and BLER, soft output dropped
/// when the device lacks it; judged by test-bbdev's rules: status, hard output byte-exact (the iteration count is
/// reported, not checked), soft output within tolerance (an LLR is off when it differs by more than 32; the output
/// fails when more than one eighth of them, and more than one, are off).
/// </summary>
internal sealed class TurboDecVectorOpSet : VectorOpSet<TurboDecOp>
{
    private const TurboDecFlags SoftOutputFlags = TurboDecFlags.SoftOutput | TurboDecFlags.PosLlr1BitSoftOut | TurboDecFlags.NegLlr1BitSoftOut;

    private readonly byte[] _expectedHard;
    private readonly byte[] _expectedSoft;
    private readonly bool _checkSoft;

    public TurboDecVectorOpSet(BbdevTestVector vector, BbdevDriverInfo driver, int count, VectorOpOptions options)
        : base(vector, driver, count, options, () => new TurboDecOp())
    {
        TurboVectorParameters p = vector.Turbo ?? throw new ArgumentException($"{vector.FilePath}: not a turbo vector.", nameof(vector));
        var capability = driver.FindCapability(BbdevOpType.TurboDec) as TurboDecCapability;
        int modulus = capability?.MaxLlrModulus ?? 127;
        _expectedHard = vector.ToArray(BbdevVectorDataKind.Output);
        _expectedSoft = vector.ToArray(BbdevVectorDataKind.SoftOutput);

        var flags = (TurboDecFlags)vector.OpFlags;
        if ((flags & TurboDecFlags.SoftOutput) != 0 && capability is not null && (capability.CapabilityFlags & TurboDecFlags.SoftOutput) == 0)
        {
            // test-bbdev: "does not support soft output - soft output flags will be ignored".
            flags &= ~SoftOutputFlags;
        }

        flags = options.Mode is VectorTestMode.Validation or VectorTestMode.Bler ? flags | TurboDecFlags.EarlyTermination : flags;
        _checkSoft = (flags & TurboDecFlags.SoftOutput) != 0;

        IReadOnlyList<ReadOnlyMemory<byte>> inputs = vector.GetSegments(BbdevVectorDataKind.Input);
        int inputBytes = vector.GetTotalLength(BbdevVectorDataKind.Input);
        BufferPool inPool = NewPool("turbo_dec_in", count * Math.Max(1, inputs.Count), inputs.Count == 0 ? 0 : inputs.Max(s => s.Length));
        BufferPool hardPool = NewPool("turbo_dec_hard", count, _expectedHard.Length + 1024);
        BufferPool? softPool = _checkSoft ? NewPool("turbo_dec_soft", count, _expectedSoft.Length + 1024) : null;
        AwgnLlrGenerator? channel = options.Mode == VectorTestMode.Bler ? new AwgnLlrGenerator(options.SnrDb, 8, 4, options.Seed) : null;

        foreach (TurboDecOp op in Ops)
        {
            op.OpFlags = flags;
            op.RvIndex = p.RvIndex ?? 0;
            op.IterMax = options.IterMax;
            op.IterMin = p.IterMin ?? 0;
            op.ExtScale = p.ExtScale ?? 0;
            op.NumMaps = p.NumMaps ?? 0;
            op.CodeBlockMode = (CodeBlockMode)p.CodeBlockMode;
            op.CbParams = new TurboCbParams(p.K ?? 0, (int)(p.E ?? 0));
            op.TbParams = new TurboTbParams(p.KNeg ?? 0, p.KPos ?? 0, p.CNeg ?? 0, p.C ?? 1, p.Cab ?? 0, (int)(p.Ea ?? 0), (int)(p.Eb ?? 0), p.R ?? 0);

            DataBuffer? head = null;
            foreach (ReadOnlyMemory<byte> segment in inputs)
            {
                DataBuffer buffer = Empty(inPool);
                Span<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(buffer.Append(segment.Length));
                ReadOnlySpan<sbyte> source = MemoryMarshal.Cast<byte, sbyte>(segment.Span);
                if (channel is not null)
                {
                    // test-bbdev's turbo BLER model: BPSK through AWGN, LLR × 16 saturated to int8; NULL and
                    // punctured positions (0) stay 0.
                    channel.Generate(source, 1, llrs);
                    for (int i = 0; i < source.Length; i++)
                    {
                        llrs[i] = source[i] == 0 ? (sbyte)0 : llrs[i];
                    }

                    ScaleLlrs(llrs, llrs, modulus);
                }
                else
                {
                    ScaleLlrs(source, llrs, modulus);
                }

                if (head is null)
                {
                    head = buffer;
                }
                else
                {
                    head.Chain(buffer);
                }
            }

            op.Input.Set(head, 0, inputBytes);
            op.HardOutput.Set(Empty(hardPool));
            if (softPool is not null)
            {
                op.SoftOutput.Set(Empty(softPool));
            }
            else
            {
                op.SoftOutput.Clear();
            }
        }

        InformationBitsPerOp = TurboEncVectorOpSet.TurboInformationBits(Ops[0], inputBytes);
    }

    public override long InformationBitsPerOp { get; }

    public override void ResetOutputs()
    {
        foreach (TurboDecOp op in Ops)
        {
            op.HardOutput.Data!.ResetChain();
            op.HardOutput.Length = 0;
            if (op.SoftOutput.Data is { } soft)
            {
                soft.ResetChain();
                op.SoftOutput.Length = 0;
            }
        }
    }

    public override int IterCountOf(int position) => Dequeued(position).IterCount;

    public override bool HardOutputMatches(int position)
    {
        TurboDecOp op = Dequeued(position);
        return (op.Status & (BbdevOpStatus.DriverError | BbdevOpStatus.DataError)) == 0
            && CompareBytes("hard output", _expectedHard, op.HardOutput) is null;
    }

    protected override int EnqueueOps(BbdevDevice device, int queueId, ReadOnlySpan<TurboDecOp> ops) => device.EnqueueTurboDec(queueId, ops);

    protected override int DequeueOps(BbdevDevice device, int queueId, Span<TurboDecOp> ops) => device.DequeueTurboDec(queueId, ops);

    protected override string? ValidateOp(TurboDecOp op) =>
        ValidateStatus(op, Vector.ExpectedStatus)
        ?? CompareBytes("hard output", _expectedHard, op.HardOutput)
        ?? (_checkSoft ? ValidateSoft(op) : null);

    /// <summary>test-bbdev's soft-output rule (bbdev.md 4.8 step 6).</summary>
    private string? ValidateSoft(TurboDecOp op)
    {
        int produced = op.SoftOutput.Length;
        if (produced != _expectedSoft.Length)
        {
            return $"soft output length {produced} != expected {_expectedSoft.Length} bytes";
        }

        var actual = new byte[produced];
        ReadProduced(op.SoftOutput, actual);
        int errors = 0;
        string? first = null;
        for (int i = 0; i < produced; i++)
        {
            int diff = Math.Abs((sbyte)actual[i] - (sbyte)_expectedSoft[i]);
            if (diff > 32)
            {
                errors++;
                first ??= $"soft output differs at LLR {i}: {(sbyte)actual[i]} != expected {(sbyte)_expectedSoft[i]}";
            }
        }

        return errors > produced / 8 && errors > 1 ? $"{first} ({errors} of {produced} LLRs beyond tolerance)" : null;
    }

    /// <summary>test-bbdev's turbo input scaling: llr = round(max_llr_modulus·llr/127), halves away from zero as C's round.</summary>
    private static void ScaleLlrs(ReadOnlySpan<sbyte> source, Span<sbyte> destination, int modulus)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (sbyte)Math.Round(modulus * source[i] / 127.0, MidpointRounding.AwayFromZero);
        }
    }
}
