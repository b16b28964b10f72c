namespace AccelSdk.Core.Rings;

/// <summary>
/// Construction-time behaviour of a <see cref="Ring{T}"/>, in the spirit of DPDK's <c>RING_F_*</c> flags.
/// </summary>
[Flags]
public enum RingFlags
{
    /// <summary>Multi-producer, multi-consumer; the capacity must be a power of two.</summary>
    None = 0,

    /// <summary>Only one thread ever enqueues (DPDK <c>RING_F_SP_ENQ</c>): no compare-and-swap on the producer head.</summary>
    SingleProducer = 1 << 0,

    /// <summary>Only one thread ever dequeues (DPDK <c>RING_F_SC_DEQ</c>): no compare-and-swap on the consumer head.</summary>
    SingleConsumer = 1 << 1,

    /// <summary>
    /// The ring holds exactly the requested number of elements, which need not be a power of two
    /// (DPDK <c>RING_F_EXACT_SZ</c>); the slot array is rounded up to the next power of two.
    /// </summary>
    ExactSize = 1 << 2,
}
