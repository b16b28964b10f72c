using AccelSdk.Core.Pools;

namespace AccelSdk.Bbdev;

/// <summary>Creates op pools (DPDK's <c>rte_bbdev_op_pool_create</c>): every op allocated once, reused afterwards.</summary>
public static class BbdevOpPool
{
    /// <summary>Creates a pool of <paramref name="count"/> ops of type <typeparamref name="TOp"/>.</summary>
    /// <param name="name">Pool name (diagnostics).</param>
    /// <param name="count">Number of ops, at least 1.</param>
    /// <param name="cacheSize">Per-thread cache (null = automatic, see <see cref="OpPoolOptions.CacheSize"/>).</param>
    public static OpPool<TOp> Create<TOp>(string name, int count, int? cacheSize = null)
        where TOp : BbdevOp, new() =>
        OpPool<TOp>.Create(new OpPoolOptions { Name = name, Count = count, CacheSize = cacheSize }, _ => new TOp());
}
