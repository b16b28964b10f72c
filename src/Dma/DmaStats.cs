namespace AccelSdk.Dma;

/// <summary>Statistics of one virtual channel, or summed over all (DPDK's <c>struct rte_dma_stats</c>).</summary>
/// <param name="Submitted">Jobs accepted by <see cref="DmaDevice.Copy"/>, <see cref="DmaDevice.CopySg"/> and <see cref="DmaDevice.Fill"/> (counted at enqueue, before the doorbell).</param>
/// <param name="Completed">Jobs reported by the completion calls, successful or not (in silent mode: jobs the device finished).</param>
/// <param name="Errors">Completed jobs whose status was not <see cref="DmaStatus.Successful"/>.</param>
public readonly record struct DmaStats(long Submitted, long Completed, long Errors);
