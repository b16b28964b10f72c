namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>The typed part shared by every op type: the op array, the dequeued list and the FIFO check.</summary>
internal abstract class VectorOpSet<TOp> : VectorOpSet
    where TOp : BbdevOp
{
    private readonly TOp[] _dequeued;
    private int _dequeuedCount;

    protected VectorOpSet(BbdevTestVector vector, BbdevDriverInfo driver, int count, VectorOpOptions options, Func<TOp> create)
        : base(vector, driver, count, options)
    {
        Ops = new TOp[count];
        for (int i = 0; i < count; i++)
        {
            Ops[i] = create();
            Ops[i].OpaqueData = (ulong)i;
        }

        _dequeued = new TOp[count];
    }

    public override int DequeuedCount => _dequeuedCount;

    protected TOp[] Ops { get; }

    public override int Enqueue(BbdevDevice device, int queueId, int start, int count) =>
        EnqueueOps(device, queueId, Ops.AsSpan(start, count));

    public override int Dequeue(BbdevDevice device, int queueId, int max)
    {
        int room = Math.Min(max, _dequeued.Length - _dequeuedCount);
        if (room <= 0)
        {
            return 0;
        }

        int n = DequeueOps(device, queueId, _dequeued.AsSpan(_dequeuedCount, room));
        _dequeuedCount += n;
        return n;
    }

    public override void ClearDequeued()
    {
        Array.Clear(_dequeued, 0, _dequeuedCount);
        _dequeuedCount = 0;
    }

    public override string? ValidateDequeued(int position)
    {
        TOp op = Dequeued(position);
        if (op.OpaqueData != (ulong)position)
        {
            return $"order: op {op.OpaqueData} was dequeued at position {position} (FIFO violated)";
        }

        return ValidateOp(op);
    }

    protected TOp Dequeued(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, _dequeuedCount);
        return _dequeued[position];
    }

    protected abstract int EnqueueOps(BbdevDevice device, int queueId, ReadOnlySpan<TOp> ops);

    protected abstract int DequeueOps(BbdevDevice device, int queueId, Span<TOp> ops);

    protected abstract string? ValidateOp(TOp op);

    protected string? ValidateStatus(BbdevOp op, BbdevOpStatus expected)
    {
        BbdevOpStatus actual = op.Status;
        if (Options.IterMax >= 10)
        {
            // test-bbdev tolerates a syndrome mismatch alone when iter_max >= 10.
            actual &= ~BbdevOpStatus.SyndromeError;
            expected &= ~BbdevOpStatus.SyndromeError;
        }

        if (actual == expected)
        {
            return null;
        }

        string detail = op.StatusDetail is null ? "" : $" ({op.StatusDetail})";
        return $"status {Describe(op.Status)} != expected {Describe(expected)}{detail}";
    }

    private static string Describe(BbdevOpStatus status) => status == BbdevOpStatus.None ? "OK" : status.ToString();
}
