namespace AccelSdk.Bbdev;

/// <summary>A queue's stored configuration and state (DPDK's <c>rte_bbdev_queue_info</c>).</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="Config">The configuration, or null when the queue is not configured.</param>
/// <param name="Started">Whether the queue is started.</param>
public sealed record BbdevQueueInfo(int QueueId, BbdevQueueConfig? Config, bool Started);
