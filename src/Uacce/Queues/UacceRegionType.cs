namespace AccelSdk.Uacce.Queues;

/// <summary>
/// The regions of a UACCE queue. The value is the mmap page offset that selects the region
/// (mmap offset = value × page size).
/// </summary>
public enum UacceRegionType
{
    /// <summary>Device registers (doorbells), uncached; mmap page offset 0.</summary>
    Mmio = 0,

    /// <summary>Device user share: memory shared with the device holding the queue's rings; mmap page offset 1.</summary>
    Dus = 1,
}
