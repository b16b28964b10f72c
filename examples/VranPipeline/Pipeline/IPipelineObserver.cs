namespace VranPipeline.Pipeline;

/// <summary>
/// Receives the pipeline's events as they happen, on the lcore threads (keep handlers short and thread-safe): a
/// progress view, a test that checks every transport block, a recorder.
/// </summary>
public interface IPipelineObserver
{
    /// <summary>A cell finished a slot.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="slot">The slot number.</param>
    /// <param name="processingMicroseconds">Time from the slot's start on its lcore to the cell's last result.</param>
    void SlotCompleted(int cell, int slot, double processingMicroseconds);

    /// <summary>A transport block was delivered or given up (after its last transmission).</summary>
    /// <param name="report">What happened to it.</param>
    /// <param name="sent">The payload the transmitter sent (A / 8 bytes).</param>
    /// <param name="received">The payload the receiver decoded (A / 8 bytes; meaningless when <see cref="TransportBlockReport.Delivered"/> is false).</param>
    void TransportBlockCompleted(in TransportBlockReport report, ReadOnlySpan<byte> sent, ReadOnlySpan<byte> received);
}
