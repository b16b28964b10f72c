namespace AccelSdk.Core.Pools;

/// <summary>Configuration of an <see cref="OpPool{T}"/>.</summary>
public sealed class OpPoolOptions
{
    /// <summary>The largest pool (2^30 objects).</summary>
    public const int MaxCount = 1 << 30;

    /// <summary>The largest per-thread cache (DPDK's <c>RTE_MEMPOOL_CACHE_MAX_SIZE</c>).</summary>
    public const int MaxCacheSize = 512;

    /// <summary>Name for diagnostics. Default "pool".</summary>
    public string Name { get; set; } = "pool";

    /// <summary>Number of objects, in [1, <see cref="MaxCount"/>]. Default 1023.</summary>
    public int Count { get; set; } = 1023;

    /// <summary>
    /// Objects each thread keeps locally, in [0, <see cref="MaxCacheSize"/>] and at most <see cref="Count"/>;
    /// 0 disables the caches. Default 32.
    /// </summary>
    public int CacheSize { get; set; } = 32;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Name, nameof(Name));
        ThrowHelper.ThrowIfOutOfRange(Count, 1, MaxCount, nameof(Count));
        ThrowHelper.ThrowIfOutOfRange(CacheSize, 0, Math.Min(MaxCacheSize, Count), nameof(CacheSize));
    }
}
