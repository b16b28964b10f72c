using System.Collections.Concurrent;
using AccelSdk.Core.Pools;

namespace AccelSdk.Core.Tests.Pools;

public sealed class OpPoolTests
{
    private sealed class Op(int id)
    {
        public int Id { get; } = id;

        public int Owner;
    }

    [Fact]
    public void Create_BuildsEveryObjectOnce()
    {
        int made = 0;
        using OpPool<Op> pool = OpPool<Op>.Create(new OpPoolOptions { Count = 100, CacheSize = 8 }, i => { made++; return new Op(i); });
        Assert.Equal(100, made);
        Assert.Equal(100, pool.Size);
        Assert.Equal(100, pool.Available);
    }

    [Fact]
    public void Exhaustion_IsAShortCount()
    {
        using OpPool<Op> pool = OpPool<Op>.Create(new OpPoolOptions { Count = 10, CacheSize = 4 }, i => new Op(i));
        var ops = new Op[16];
        Assert.Equal(10, pool.Get(ops));
        Assert.Equal(0, pool.Get(ops.AsSpan(10)));
        Assert.Null(pool.Get());
        Assert.Equal(10, ops.Take(10).Select(o => o.Id).Distinct().Count());
        pool.Put(ops.AsSpan(0, 10));
        Assert.Equal(10, pool.Available);
    }

    [Fact]
    public void TryGetBulk_IsAllOrNothing()
    {
        using OpPool<Op> pool = OpPool<Op>.Create(new OpPoolOptions { Count = 10, CacheSize = 0 }, i => new Op(i));
        var ops = new Op[11];
        Assert.False(pool.TryGetBulk(ops));
        Assert.Equal(10, pool.Available);
        Assert.True(pool.TryGetBulk(ops.AsSpan(0, 10)));
        Assert.Equal(0, pool.Available);
    }

    [Fact]
    public void ReturningMoreThanOwned_Throws()
    {
        using OpPool<Op> pool = OpPool<Op>.Create(new OpPoolOptions { Count = 4, CacheSize = 0 }, i => new Op(i));
        Op op = pool.Get()!;
        pool.Put(op);
        var ex = Assert.Throws<InvalidOperationException>(() => pool.Put(new[] { op, op, op, op }));
        Assert.Contains("returned twice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(10, -1)]
    [InlineData(10, 7)]
    [InlineData(1000, 513)]
    public void Create_RejectsBadOptions(int count, int cacheSize)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => OpPool<Op>.Create(new OpPoolOptions { Count = count, CacheSize = cacheSize }, i => new Op(i)));
        Assert.Contains("must be in [", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisposedPool_Throws()
    {
        OpPool<Op> pool = OpPool<Op>.Create(new OpPoolOptions { Count = 4 }, i => new Op(i));
        pool.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pool.Get());
        Assert.Throws<ObjectDisposedException>(() => pool.Put(new Op(0)));
    }

    [Fact]
    public void CachesOfExitedThreads_AreReclaimed()
    {
        using OpPool<Op> pool = OpPool<Op>.Create(new OpPoolOptions { Count = 64, CacheSize = 32 }, i => new Op(i));
        var worker = new Thread(() =>
        {
            var ops = new Op[16];
            Assert.Equal(16, pool.Get(ops));
            pool.Put(ops); // stays in the worker's cache, together with the refill
        });
        worker.Start();
        worker.Join();

        var all = new Op[64];
        Assert.Equal(64, pool.Get(all));
        Assert.Equal(64, all.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public void ManyThreads_NeverShareAnOp_AndEverythingReturns()
    {
        const int Threads = 4;
        const int Rounds = 20_000;
        using OpPool<Op> pool = OpPool<Op>.Create(new OpPoolOptions { Count = 256, CacheSize = 16 }, i => new Op(i));
        var errors = new ConcurrentQueue<string>();
        long handedOut = 0;
        var threads = Enumerable.Range(1, Threads).Select(t => new Thread(() =>
        {
            var rng = new Random(t);
            var ops = new Op[40];
            for (int round = 0; round < Rounds; round++)
            {
                int n = rng.Next(1, ops.Length + 1);
                int got = pool.Get(ops.AsSpan(0, n));
                for (int i = 0; i < got; i++)
                {
                    // Ownership proof: an op held by two threads at once would see a foreign owner mark.
                    if (Interlocked.Exchange(ref ops[i].Owner, t) != 0)
                    {
                        errors.Enqueue($"op {ops[i].Id} handed out twice");
                    }
                }

                Interlocked.Add(ref handedOut, got);
                for (int i = 0; i < got; i++)
                {
                    if (Interlocked.Exchange(ref ops[i].Owner, 0) != t)
                    {
                        errors.Enqueue($"op {ops[i].Id} changed owner while held");
                    }
                }

                pool.Put(ops.AsSpan(0, got));
            }

            pool.FlushThreadCache();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(1)), "pool stress timed out"));

        Assert.Empty(errors);
        Assert.True(handedOut > Rounds);
        Assert.Equal(256, pool.Available);
        var all = new Op[256];
        Assert.Equal(256, pool.Get(all));
        Assert.Equal(256, all.Select(o => o.Id).Distinct().Count());
    }
}
