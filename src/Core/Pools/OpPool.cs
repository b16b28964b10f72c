using System.Runtime.CompilerServices;
using AccelSdk.Core.Rings;

namespace AccelSdk.Core.Pools;

/// <summary>
/// A fixed population of reusable objects (ops, buffers) handed out and returned in bulk, in the style of DPDK's
/// <c>rte_mempool</c>: a shared multi-producer/multi-consumer ring plus a small cache per thread, so that most
/// gets and puts touch no shared cache line.
/// </summary>
/// <remarks>
/// <para>
/// Every object is created once, at construction; the pool never allocates afterwards. Exhaustion is a short count,
/// never an exception. Objects are not reset on return: like DPDK's ops they keep the fields they had, and the
/// caller overwrites what it uses.
/// </para>
/// <para>
/// A thread's cache holds at most 1.5 × <see cref="OpPoolOptions.CacheSize"/> objects. Objects cached by a
/// thread that has exited are reclaimed when the shared ring runs dry, so nothing is lost when worker threads end.
/// </para>
/// </remarks>
/// <typeparam name="T">The pooled type.</typeparam>
public sealed class OpPool<T> : IDisposable
    where T : class
{
    private readonly Ring<T> _ring;
    private readonly int _cacheSize;
    private readonly int _flushThreshold;
    private readonly ThreadLocal<ThreadCache>? _caches;
    private readonly List<ThreadCache> _allCaches = new();
    private readonly Lock _cachesLock = new();
    private volatile bool _disposed;

    private OpPool(OpPoolOptions options, Func<int, T> factory)
    {
        Name = options.Name;
        Size = options.Count;
        _cacheSize = options.EffectiveCacheSize;
        _flushThreshold = _cacheSize + (_cacheSize / 2);
        _ring = Ring.Create<T>(options.Count, RingFlags.ExactSize);
        var all = new T[options.Count];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = factory(i) ?? throw new InvalidOperationException($"The factory of pool '{options.Name}' returned null for element {i}.");
        }

        _ring.EnqueueBulk(all);
        if (_cacheSize > 0)
        {
            _caches = new ThreadLocal<ThreadCache>(CreateCache, trackAllValues: false);
        }
    }

    /// <summary>The pool's name (for diagnostics).</summary>
    public string Name { get; }

    /// <summary>Number of objects the pool owns.</summary>
    public int Size { get; }

    /// <summary>Objects available to <see cref="Get(Span{T})"/>: in the shared ring and in every thread's cache (snapshot).</summary>
    public int Available
    {
        get
        {
            int count = _ring.Count;
            lock (_cachesLock)
            {
                foreach (ThreadCache cache in _allCaches)
                {
                    count += Volatile.Read(ref cache.Length);
                }
            }

            return count;
        }
    }

    /// <summary>Objects currently handed out (snapshot): <see cref="Size"/> − <see cref="Available"/>.</summary>
    public int InUse => Size - Available;

    /// <summary>Creates a pool of <see cref="OpPoolOptions.Count"/> objects made by <paramref name="factory"/>.</summary>
    /// <param name="options">Size, per-thread cache size and name.</param>
    /// <param name="factory">Creates object number <c>i</c> (0-based); called <see cref="OpPoolOptions.Count"/> times, now.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static OpPool<T> Create(OpPoolOptions options, Func<int, T> factory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(factory);
        options.Validate();
        return new OpPool<T>(options, factory);
    }

    /// <summary>Takes up to <c>destination.Length</c> objects.</summary>
    /// <returns>How many were taken (a short count when the pool is exhausted).</returns>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public int Get(Span<T> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.IsEmpty)
        {
            return 0;
        }

        int got = _caches is null || destination.Length > _cacheSize
            ? GetFromRing(destination)
            : GetCached(_caches.Value!, destination);
        if (got < destination.Length)
        {
            got += ReclaimAndGet(destination[got..]);
        }

        return got;
    }

    /// <summary>Takes exactly <c>destination.Length</c> objects, or none.</summary>
    /// <returns><see langword="true"/> if the destination was filled.</returns>
    public bool TryGetBulk(Span<T> destination)
    {
        int got = Get(destination);
        if (got == destination.Length)
        {
            return true;
        }

        Put(destination[..got]);
        destination[..got].Clear();
        return false;
    }

    /// <summary>Takes one object, or returns <see langword="null"/> when the pool is exhausted.</summary>
    public T? Get()
    {
        T? item = null;
        return Get(new Span<T>(ref item!)) == 1 ? item : null;
    }

    /// <summary>Returns objects to the pool. Each must have come from this pool and be returned once.</summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="InvalidOperationException">More objects were returned than the pool owns.</exception>
    public void Put(ReadOnlySpan<T> items)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (items.IsEmpty)
        {
            return;
        }

        if (_caches is null || items.Length > _cacheSize)
        {
            PutToRing(items);
            return;
        }

        ThreadCache cache = _caches.Value!;
        items.CopyTo(cache.Items.AsSpan(cache.Length));
        Volatile.Write(ref cache.Length, cache.Length + items.Length);
        if (cache.Length >= _flushThreshold)
        {
            // Flush down to the nominal size: the oldest entries go back to the shared ring.
            int excess = cache.Length - _cacheSize;
            PutToRing(cache.Items.AsSpan(_cacheSize, excess));
            cache.Items.AsSpan(_cacheSize, excess).Clear();
            Volatile.Write(ref cache.Length, _cacheSize);
        }
    }

    /// <summary>Returns one object to the pool.</summary>
    public void Put(T item) => Put(new ReadOnlySpan<T>(in item));

    /// <summary>Moves this thread's cached objects back to the shared ring (call before a worker thread ends).</summary>
    public void FlushThreadCache()
    {
        if (_caches is { IsValueCreated: true } && !_disposed)
        {
            ThreadCache cache = _caches.Value!;
            PutToRing(cache.Items.AsSpan(0, cache.Length));
            cache.Items.AsSpan(0, cache.Length).Clear();
            Volatile.Write(ref cache.Length, 0);
        }
    }

    /// <summary>Disposes the pool; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _caches?.Dispose();
        _ring.Dispose();
    }

    private ThreadCache CreateCache()
    {
        var cache = new ThreadCache(_flushThreshold + _cacheSize, Thread.CurrentThread);
        lock (_cachesLock)
        {
            _allCaches.Add(cache);
        }

        return cache;
    }

    private int GetCached(ThreadCache cache, Span<T> destination)
    {
        int n = destination.Length;
        if (cache.Length < n)
        {
            // Refill so that the cache holds its nominal size after serving this request (DPDK's policy).
            int want = _cacheSize + n - cache.Length;
            int got = _ring.DequeueBurst(cache.Items.AsSpan(cache.Length, want));
            Volatile.Write(ref cache.Length, cache.Length + got);
            if (cache.Length < n)
            {
                n = cache.Length;
            }
        }

        // Serve from the top of the cache (most recently returned, warmest in the CPU cache).
        int start = cache.Length - n;
        Span<T> source = cache.Items.AsSpan(start, n);
        source.CopyTo(destination);
        source.Clear();
        Volatile.Write(ref cache.Length, start);
        return n;
    }

    private int GetFromRing(Span<T> destination) => _ring.DequeueBurst(destination);

    private void PutToRing(ReadOnlySpan<T> items)
    {
        if (!_ring.EnqueueBulk(items))
        {
            throw new InvalidOperationException(
                $"Pool '{Name}' received more objects than it owns ({Size}): an object was returned twice or did not come from this pool.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReclaimAndGet(Span<T> destination)
    {
        // Rare path: the ring ran dry. Move the caches of threads that have exited back to the ring, then retry.
        bool reclaimed = false;
        lock (_cachesLock)
        {
            for (int i = _allCaches.Count - 1; i >= 0; i--)
            {
                ThreadCache cache = _allCaches[i];
                if (!cache.Owner.IsAlive)
                {
                    PutToRing(cache.Items.AsSpan(0, cache.Length));
                    _allCaches.RemoveAt(i);
                    reclaimed = true;
                }
            }
        }

        return reclaimed ? _ring.DequeueBurst(destination) : 0;
    }

    private sealed class ThreadCache(int capacity, Thread owner)
    {
        public readonly T[] Items = new T[capacity];
        public readonly Thread Owner = owner;
        public int Length;
    }
}
