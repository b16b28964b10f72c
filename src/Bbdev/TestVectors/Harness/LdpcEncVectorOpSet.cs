using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>LDPC encode ops from a vector: input chain = the vector's input segments; output compared byte-exactly.</summary>
internal sealed class LdpcEncVectorOpSet : VectorOpSet<LdpcEncOp>
{
    private readonly byte[] _expected;

    public LdpcEncVectorOpSet(BbdevTestVector vector, BbdevDriverInfo driver, int count, VectorOpOptions options)
        : base(vector, driver, count, options, () => new LdpcEncOp())
    {
        LdpcVectorParameters p = vector.Ldpc ?? throw new ArgumentException($"{vector.FilePath}: not an LDPC vector.", nameof(vector));
        _expected = vector.ToArray(BbdevVectorDataKind.Output);
        IReadOnlyList<ReadOnlyMemory<byte>> inputs = vector.GetSegments(BbdevVectorDataKind.Input);
        int maxInput = inputs.Count == 0 ? 0 : inputs.Max(s => s.Length);
        BufferPool inPool = NewPool("ldpc_enc_in", count * Math.Max(1, inputs.Count), maxInput);
        BufferPool outPool = NewPool("ldpc_enc_out", count, _expected.Length + 64);

        var mode = (CodeBlockMode)p.CodeBlockMode;
        int blocks = mode == CodeBlockMode.CodeBlock ? 1 : Math.Max(1, (p.C ?? 1) - (p.R ?? 0));
        InformationBitsPerOp = (long)((((p.Basegraph ?? 1) == 1 ? 22 : 10) * (p.ZC ?? 0)) - (p.NFiller ?? 0)) * blocks;

        foreach (LdpcEncOp op in Ops)
        {
            op.OpFlags = (LdpcEncFlags)vector.OpFlags;
            op.RvIndex = p.RvIndex ?? 0;
            op.BaseGraph = p.Basegraph ?? 0;
            op.Zc = p.ZC ?? 0;
            op.NCb = p.NCb ?? 0;
            op.Qm = p.QM ?? 0;
            op.NFiller = p.NFiller ?? 0;
            op.CodeBlockMode = mode;
            op.CbParams = new LdpcCbParams((int)(p.E ?? 0));
            op.TbParams = new LdpcTbParams((int)(p.Ea ?? 0), (int)(p.Eb ?? 0), p.C ?? 1, p.R ?? 0, p.Cab ?? 0);

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

            op.Input.Set(head, 0, vector.GetTotalLength(BbdevVectorDataKind.Input));
            op.Output.Set(Empty(outPool));
        }
    }

    public override long InformationBitsPerOp { get; }

    public override void ResetOutputs()
    {
        foreach (LdpcEncOp op in Ops)
        {
            op.Output.Data!.ResetChain();
            op.Output.Length = 0;
        }
    }

    protected override int EnqueueOps(BbdevDevice device, int queueId, ReadOnlySpan<LdpcEncOp> ops) => device.EnqueueLdpcEnc(queueId, ops);

    protected override int DequeueOps(BbdevDevice device, int queueId, Span<LdpcEncOp> ops) => device.DequeueLdpcEnc(queueId, ops);

    protected override string? ValidateOp(LdpcEncOp op) =>
        ValidateStatus(op, Vector.ExpectedStatus) ?? CompareBytes("output", _expected, op.Output);
}
