namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>Ops for a NONE vector (<c>bbdev_null.data</c>): turbo-encode op structures with no buffers, as test-bbdev uses.</summary>
internal sealed class NullVectorOpSet(BbdevTestVector vector, BbdevDriverInfo driver, int count, VectorOpOptions options)
    : VectorOpSet<BbdevOp>(vector, driver, count, options, () => new TurboEncOp())
{
    public override long InformationBitsPerOp => 0;

    public override void ResetOutputs()
    {
    }

    protected override int EnqueueOps(BbdevDevice device, int queueId, ReadOnlySpan<BbdevOp> ops) => device.Enqueue(queueId, ops);

    protected override int DequeueOps(BbdevDevice device, int queueId, Span<BbdevOp> ops) => device.Dequeue(queueId, ops);

    protected override string? ValidateOp(BbdevOp op) => null;
}
