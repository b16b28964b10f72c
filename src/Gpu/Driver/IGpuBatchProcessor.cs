namespace AccelSdk.Gpu.Driver;

/// <summary>
/// Turns a batch of ops into accelerator work and back: the queue's worker thread calls <see cref="Submit"/> for a
/// batch and later <see cref="Finish"/> for the same slot, in submission order, never concurrently.
/// </summary>
/// <typeparam name="TOp">The op class.</typeparam>
internal interface IGpuBatchProcessor<TOp> : IDisposable
    where TOp : BbdevOp
{
    /// <summary>Batches that may be in flight at once (streams).</summary>
    int SlotCount { get; }

    /// <summary>Called once on the worker thread before its first batch (binds the accelerator's context to the thread).</summary>
    void BindThread();

    /// <summary>Code blocks <paramref name="op"/> contributes to a batch (1 for an op that will be rejected).</summary>
    int CodeBlocks(TOp op);

    /// <summary>
    /// Validates the ops (invalid ones get their error status now), does the host-side pre-processing into the
    /// slot's pinned staging and issues the copies and the kernel on the slot's stream without waiting.
    /// </summary>
    void Submit(int slot, ReadOnlySpan<TOp> ops);

    /// <summary>Waits for the slot's stream and writes every op's outputs, lengths and status.</summary>
    void Finish(int slot, ReadOnlySpan<TOp> ops);
}
