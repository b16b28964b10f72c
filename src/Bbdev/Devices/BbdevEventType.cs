namespace AccelSdk.Bbdev;

/// <summary>Device events (DPDK's <c>rte_bbdev_event_type</c>).</summary>
public enum BbdevEventType
{
    /// <summary>Unknown event.</summary>
    Unknown = 0,

    /// <summary>A device or queue error.</summary>
    Error = 1,

    /// <summary>Completed ops are ready to dequeue on a queue.</summary>
    Dequeue = 2,
}
