using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>
/// LDPC decode ops from a vector: LLRs rescaled to the device's LLR format (as test-bbdev does), HARQ buffers, and
/// test-bbdev's validation rules (status, iteration bound, hard output unless SYNDROME, HARQ output with tolerance).
/// </summary>
internal sealed class LdpcDecVectorOpSet : VectorOpSet<LdpcDecOp>
{
    private readonly byte[] _expectedHard;
    private readonly sbyte[] _expectedHarq;
    private readonly int _llrSize;
    private readonly int _llrDecimals;
    private readonly int? _expectedIterations;

    public LdpcDecVectorOpSet(BbdevTestVector vector, BbdevDriverInfo driver, int count, VectorOpOptions options)
        : base(vector, driver, count, options, () => new LdpcDecOp())
    {
        LdpcVectorParameters p = vector.Ldpc ?? throw new ArgumentException($"{vector.FilePath}: not an LDPC vector.", nameof(vector));
        var capability = driver.FindCapability(BbdevOpType.LdpcDec) as LdpcDecCapability;
        _llrSize = capability?.LlrSize ?? 8;
        _llrDecimals = capability?.LlrDecimals ?? 1;
        _expectedHard = vector.ToArray(BbdevVectorDataKind.Output);
        _expectedHarq = vector.ToLlrArray(BbdevVectorDataKind.HarqOutput);
        _expectedIterations = options.Mode switch
        {
            VectorTestMode.Validation => p.ExpectedIterCount,
            VectorTestMode.Performance => options.IterMax,
            _ => null,
        };

        var flags = (LdpcDecFlags)vector.OpFlags;
        flags = options.Mode switch
        {
            VectorTestMode.Performance => flags & ~LdpcDecFlags.IterationStopEnable,
            VectorTestMode.Bler => flags | LdpcDecFlags.IterationStopEnable,
            _ => flags,
        };

        var mode = (CodeBlockMode)p.CodeBlockMode;
        int blocks = mode == CodeBlockMode.CodeBlock ? 1 : Math.Max(1, (p.C ?? 1) - (p.R ?? 0));
        int kPrime = (((p.Basegraph ?? 1) == 1 ? 22 : 10) * (p.ZC ?? 0)) - (p.NFiller ?? 0);
        InformationBitsPerOp = (long)kPrime * blocks;

        IReadOnlyList<ReadOnlyMemory<byte>> inputs = vector.GetSegments(BbdevVectorDataKind.Input);
        IReadOnlyList<ReadOnlyMemory<byte>> harqInputs = vector.GetSegments(BbdevVectorDataKind.HarqInput);
        int compact = BbdevOpValidator.Parameters(p.Basegraph ?? 1, p.ZC ?? 2, p.NFiller ?? 0, p.NCb ?? 0, Math.Max(1, (int)(p.QM ?? 1)), 0, 0, 1).CompactLength;
        int hardRoom = Math.Max(_expectedHard.Length, blocks * ((kPrime + 7) / 8)) + 64;
        int harqRoom = Math.Max(_expectedHarq.Length, compact) + 64;

        BufferPool inPool = NewPool("ldpc_dec_in", count * Math.Max(1, inputs.Count), inputs.Count == 0 ? 0 : inputs.Max(s => s.Length));
        BufferPool hardPool = NewPool("ldpc_dec_hard", count, hardRoom);
        bool harqIn = (flags & LdpcDecFlags.HqCombineInEnable) != 0;
        bool harqOut = (flags & LdpcDecFlags.HqCombineOutEnable) != 0;
        BufferPool? harqInPool = harqIn && harqInputs.Count > 0 ? NewPool("ldpc_dec_harq_in", count, harqInputs.Sum(s => s.Length)) : null;
        BufferPool? harqOutPool = harqOut ? NewPool("ldpc_dec_harq_out", count, harqRoom) : null;
        AwgnLlrGenerator? channel = options.Mode == VectorTestMode.Bler
            ? new AwgnLlrGenerator(options.SnrDb, _llrSize, _llrDecimals, options.Seed)
            : null;

        foreach (LdpcDecOp op in Ops)
        {
            op.OpFlags = flags;
            op.RvIndex = p.RvIndex ?? 0;
            op.IterMax = options.IterMax;
            op.BaseGraph = p.Basegraph ?? 0;
            op.Zc = p.ZC ?? 0;
            op.NCb = p.NCb ?? 0;
            op.Qm = p.QM ?? 0;
            op.NFiller = p.NFiller ?? 0;
            op.K0 = p.K0 ?? 0;
            op.CodeBlockMode = mode;
            op.CbParams = new LdpcCbParams((int)(p.E ?? 0));
            op.TbParams = new LdpcTbParams((int)(p.Ea ?? 0), (int)(p.Eb ?? 0), p.C ?? 1, p.R ?? 0, p.Cab ?? 0);

            DataBuffer? head = null;
            foreach (ReadOnlyMemory<byte> segment in inputs)
            {
                DataBuffer buffer = Empty(inPool);
                Span<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(buffer.Append(segment.Length));
                ReadOnlySpan<sbyte> source = MemoryMarshal.Cast<byte, sbyte>(segment.Span);
                if (channel is not null)
                {
                    channel.Generate(source, Math.Max(1, op.Qm), llrs);
                }
                else
                {
                    ScaleLlrs(source, llrs);
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

            op.Input.Set(head, 0, vector.GetTotalLength(BbdevVectorDataKind.Input));
            op.HardOutput.Set(Empty(hardPool));
            op.SoftOutput.Clear();
            if (harqInPool is not null)
            {
                DataBuffer buffer = Empty(harqInPool);
                int offset = 0;
                Span<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(buffer.Append(harqInputs.Sum(s => s.Length)));
                foreach (ReadOnlyMemory<byte> segment in harqInputs)
                {
                    ScaleLlrs(MemoryMarshal.Cast<byte, sbyte>(segment.Span), llrs.Slice(offset, segment.Length));
                    offset += segment.Length;
                }

                op.HarqCombinedInput.Set(buffer, 0, offset);
            }
            else
            {
                op.HarqCombinedInput.Clear();
            }

            if (harqOutPool is not null)
            {
                op.HarqCombinedOutput.Set(Empty(harqOutPool));
            }
            else
            {
                op.HarqCombinedOutput.Clear();
            }
        }
    }

    public override long InformationBitsPerOp { get; }

    public override void ResetOutputs()
    {
        foreach (LdpcDecOp op in Ops)
        {
            op.HardOutput.Data!.ResetChain();
            op.HardOutput.Length = 0;
            if (op.HarqCombinedOutput.Data is { } harq)
            {
                harq.ResetChain();
                op.HarqCombinedOutput.Length = 0;
            }
        }
    }

    public override int IterCountOf(int position) => Dequeued(position).IterCount;

    public override bool HardOutputMatches(int position)
    {
        LdpcDecOp op = Dequeued(position);
        return (op.Status & (BbdevOpStatus.DriverError | BbdevOpStatus.DataError)) == 0
            && CompareBytes("hard output", _expectedHard, op.HardOutput) is null;
    }

    protected override int EnqueueOps(BbdevDevice device, int queueId, ReadOnlySpan<LdpcDecOp> ops) => device.EnqueueLdpcDec(queueId, ops);

    protected override int DequeueOps(BbdevDevice device, int queueId, Span<LdpcDecOp> ops) => device.DequeueLdpcDec(queueId, ops);

    protected override string? ValidateOp(LdpcDecOp op)
    {
        string? failure = ValidateStatus(op, Vector.ExpectedStatus);
        if (failure is not null)
        {
            return failure;
        }

        if (_expectedIterations is int expected && op.IterCount > expected)
        {
            return $"iteration count {op.IterCount} > expected {expected}";
        }

        bool syndromeError = (op.Status & BbdevOpStatus.SyndromeError) != 0;
        bool loopback = (op.OpFlags & LdpcDecFlags.InternalHarqMemoryLoopback) != 0;
        if (!syndromeError && !loopback)
        {
            failure = CompareBytes("hard output", _expectedHard, op.HardOutput);
            if (failure is not null)
            {
                return failure;
            }
        }

        if ((op.OpFlags & (LdpcDecFlags.HqCombineOutEnable | LdpcDecFlags.InternalHarqMemoryLoopback)) != 0)
        {
            return ValidateHarq(op);
        }

        return null;
    }

    /// <summary>test-bbdev's HARQ rule (bbdev.md 4.8 step 5): tolerant comparison of all but the last Zc LLRs.</summary>
    private string? ValidateHarq(LdpcDecOp op)
    {
        int produced = op.HarqCombinedOutput.Length;
        if (_expectedHarq.Length >= produced + 256)
        {
            return $"HARQ output length {produced} is too short for the expected {_expectedHarq.Length}";
        }

        int compared = Math.Min(produced - op.Zc, _expectedHarq.Length);
        if (compared <= 0)
        {
            return null;
        }

        var actual = new byte[produced];
        ReadProduced(op.HarqCombinedOutput, actual);
        int maxRef = VectorLlrFormat.VectorMaxFor(_llrSize, _llrDecimals);
        int errors = 0;
        string? first = null;
        for (int i = 0; i < compared; i++)
        {
            int device = VectorLlrFormat.FromDevice((sbyte)actual[i], _llrDecimals);

            int reference = Math.Clamp((int)_expectedHarq[i], -maxRef, maxRef);
            int diff = Math.Abs(device - reference);
            if (diff > 16 || (diff > 8 && Math.Abs(reference) < maxRef - 16))
            {
                errors++;
                first ??= $"HARQ output differs at LLR {i}: {device} != expected {reference}";
            }
        }

        return errors > 1 ? $"{first} ({errors} LLRs beyond tolerance)" : null;
    }

    /// <summary>S8.1 vector LLRs to the device format (bbdev.md 3.3): × 2^(decimals−1), or ÷2 for 0 decimals, then saturate.</summary>
    private void ScaleLlrs(ReadOnlySpan<sbyte> source, Span<sbyte> destination) =>
        VectorLlrFormat.ToDevice(source, destination, _llrSize, _llrDecimals);
}
