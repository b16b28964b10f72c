using AccelSdk.Core.Rings;

namespace AccelSdk.Core.Tests.Rings;

public sealed class RingArgumentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData((1 << 30) + 1)]
    public void Create_RejectsCapacityOutOfRange(int capacity)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ring.Create<int>(capacity, RingFlags.ExactSize));
        Assert.Equal("capacity", ex.ParamName);
        Assert.Contains("[1, 1073741824]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RejectsNonPowerOfTwo_WithoutExactSize()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ring.Create<int>(100));
        Assert.Contains("power of two", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ExactSize", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RejectsUnknownFlags()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ring.Create<int>(8, (RingFlags)64));
        Assert.Equal("flags", ex.ParamName);
    }

    [Fact]
    public void ExactSize_HoldsExactlyTheRequestedCount()
    {
        using Ring<int> ring = Ring.Create<int>(100, RingFlags.ExactSize);
        Assert.Equal(100, ring.Capacity);
        Assert.Equal(100, ring.EnqueueBurst(new int[150]));
        Assert.True(ring.IsFull);
    }

    [Fact]
    public void PowerOfTwo_HoldsItsFullCapacity()
    {
        using Ring<int> ring = Ring.Create<int>(64);
        Assert.True(ring.EnqueueBulk(new int[64]));
        Assert.False(ring.TryEnqueue(1));
    }

    [Fact]
    public void Bulk_LargerThanCapacity_Throws()
    {
        using Ring<int> ring = Ring.Create<int>(8);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.EnqueueBulk(new int[9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.DequeueBulk(new int[9]));
    }

    [Fact]
    public void EmptySpans_AreNoOps()
    {
        using Ring<int> ring = Ring.Create<int>(8);
        Assert.True(ring.EnqueueBulk([]));
        Assert.Equal(0, ring.EnqueueBurst([]));
        Assert.True(ring.DequeueBulk([]));
        Assert.Equal(0, ring.DequeueBurst([]));
    }

    [Fact]
    public void DisposedRing_Throws()
    {
        Ring<int> ring = Ring.Create<int>(8);
        ring.Dispose();
        Assert.Throws<ObjectDisposedException>(() => ring.TryEnqueue(1));
        Assert.Throws<ObjectDisposedException>(() => ring.DequeueBurst(new int[1]));
    }

    [Fact]
    public void Dequeue_ClearsReferenceSlots()
    {
        using Ring<object> ring = Ring.Create<object>(4);
        WeakReference weak = EnqueueAndDequeue(ring);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(weak.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference EnqueueAndDequeue(Ring<object> ring)
    {
        var item = new object();
        ring.TryEnqueue(item);
        ring.TryDequeue(out _);
        return new WeakReference(item);
    }
}
