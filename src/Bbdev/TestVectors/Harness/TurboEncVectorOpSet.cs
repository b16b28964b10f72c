using AccelSdk.Bbdev.Driver;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>Turbo encode ops from a vector: input chain = the vector's input segments; output compared byte-exactly.</summary>
internal sealed class TurboEncVectorOpSet : VectorOpSet<TurboEncOp>
{
    private readonly byte[] _expected;

    public TurboEncVectorOpSet(BbdevTestVector vector, BbdevDriverInfo driver, int count, VectorOpOptions options)
        : base(vector, driver, count, options, () => new TurboEncOp())
    {
        TurboVectorParameters p = vector.Turbo ?? throw new ArgumentException($"{vector.FilePath}: not a turbo vector.", nameof(vector));
        _expected = vector.ToArray(BbdevVectorDataKind.Output);
        IReadOnlyList<ReadOnlyMemory<byte>> inputs = vector.GetSegments(BbdevVectorDataKind.Input);
        int maxInput = inputs.Count == 0 ? 0 : inputs.Max(s => s.Length);
        BufferPool inPool = NewPool("turbo_enc_in", count * Math.Max(1, inputs.Count), maxInput);
        BufferPool outPool = NewPool("turbo_enc_out", count, _expected.Length + 64);
        int inputBytes = vector.GetTotalLength(BbdevVectorDataKind.Input);

        foreach (TurboEncOp op in Ops)
        {
            op.OpFlags = (TurboEncFlags)vector.OpFlags;
            op.RvIndex = p.RvIndex ?? 0;
            op.CodeBlockMode = (CodeBlockMode)p.CodeBlockMode;
            op.CbParams = new TurboCbParams(p.K ?? 0, (int)(p.E ?? 0), p.Ncb ?? 0);
            op.TbParams = new TurboTbParams(p.KNeg ?? 0, p.KPos ?? 0, p.CNeg ?? 0, p.C ?? 1, p.Cab ?? 0, (int)(p.Ea ?? 0), (int)(p.Eb ?? 0),
                p.R ?? 0, p.NcbNeg ?? 0, p.NcbPos ?? 0);

            DataBuffer? head = null;
            foreach (ReadOnlyMemory<byte> segment in inputs)
            {
                DataBuffer buffer = Filled(inPool, segment.Span);
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
            op.Output.Set(Empty(outPool));
        }

        InformationBitsPerOp = TurboInformationBits(Ops[0], inputBytes);
    }

    public override long InformationBitsPerOp { get; }

    /// <summary>
    /// K summed over the code blocks the op carries (test-bbdev counts K, CRC included). test-bbdev counts C − r blocks
    /// and picks K−/K+ by r alone; this counts the blocks the input really holds and picks K by each block's index.
    /// </summary>
    internal static long TurboInformationBits(BbdevOp op, int inputBytes)
    {
        int blocks = BbdevOpValidator.TurboCodeBlocksInOp(op, inputBytes);
        (CodeBlockMode mode, TurboCbParams cb, TurboTbParams tb) = op switch
        {
            TurboEncOp enc => (enc.CodeBlockMode, enc.CbParams, enc.TbParams),
            TurboDecOp dec => (dec.CodeBlockMode, dec.CbParams, dec.TbParams),
            _ => throw new ArgumentException("not a turbo op", nameof(op)),
        };
        if (mode == CodeBlockMode.CodeBlock)
        {
            return cb.K;
        }

        long bits = 0;
        for (int i = 0; i < blocks; i++)
        {
            bits += tb.KOf(tb.R + i);
        }

        return bits;
    }

    public override void ResetOutputs()
    {
        foreach (TurboEncOp op in Ops)
        {
            op.Output.Data!.ResetChain();
            op.Output.Length = 0;
        }
    }

    protected override int EnqueueOps(BbdevDevice device, int queueId, ReadOnlySpan<TurboEncOp> ops) => device.EnqueueTurboEnc(queueId, ops);

    protected override int DequeueOps(BbdevDevice device, int queueId, Span<TurboEncOp> ops) => device.DequeueTurboEnc(queueId, ops);

    protected override string? ValidateOp(TurboEncOp op) =>
        ValidateStatus(op, Vector.ExpectedStatus) ?? CompareBytes("output", _expected, op.Output);
}
