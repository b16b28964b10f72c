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
    /// Objects each thread keeps locally, in [0, min(<see cref="MaxCacheSize"/>, ⌊2·Count/3⌋)] (DPDK's rule, so that
    /// one thread's cache cannot hold the whole pool); 0 disables the caches. Default (null): min(32, Count/8).
    /// </summary>
    public int? CacheSize { get; set; }

    internal int EffectiveCacheSize => CacheSize ?? DefaultCacheSize(Count);

    internal static int DefaultCacheSize(int count) => Math.Min(32, count / 8);

    internal static int MaxCacheSizeFor(int count) => Math.Min(MaxCacheSize, (int)(2L * count / 3));

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Name, nameof(Name));
        ThrowHelper.ThrowIfOutOfRange(Count, 1, MaxCount, nameof(Count));
        if (CacheSize is int cache)
        {
            ThrowHelper.ThrowIfOutOfRange(cache, 0, MaxCacheSizeFor(Count), nameof(CacheSize));
        }
    }
}
