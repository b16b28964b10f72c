using AccelSdk.Core.Buffers;

namespace AccelSdk.Core.Tests.Buffers;

public sealed class BufferPoolTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public void Segments_AreAlignedAndDisjoint(int alignment)
    {
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Count = 16, RoomSize = 1000, Alignment = alignment });
        var segments = new DataBuffer[16];
        Assert.Equal(16, pool.Rent(segments));
        foreach (DataBuffer segment in segments)
        {
            Assert.Equal(0, segment.Address % alignment);
            Assert.Equal(segment.Iova, (ulong)segment.Address);
        }

        var ordered = segments.OrderBy(s => s.Address).ToArray();
        for (int i = 1; i < ordered.Length; i++)
        {
            Assert.True(ordered[i].Address - ordered[i - 1].Address >= 1000);
        }

        foreach (DataBuffer segment in segments)
        {
            pool.Return(segment);
        }
    }

    [Fact]
    public void AppendPrependTrim_TrackOffsetAndLength()
    {
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Count = 2, RoomSize = 256, Headroom = 32 });
        DataBuffer segment = pool.Rent()!;
        Assert.Equal(32, segment.DataOffset);
        Assert.Equal(0, segment.DataLength);
        segment.Append(10).Fill(0xAB);
        segment.Prepend(2).Fill(0x01);
        Assert.Equal(30, segment.DataOffset);
        Assert.Equal(12, segment.DataLength);
        Assert.Equal(new byte[] { 1, 1, 0xAB }, segment.Data[..3].ToArray());
        segment.TrimStart(2);
        segment.TrimEnd(4);
        Assert.Equal(6, segment.DataLength);
        Assert.Equal(256 - 32 - 6, segment.Tailroom);
        Assert.Throws<ArgumentOutOfRangeException>(() => segment.Append(segment.Tailroom + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => segment.Prepend(33));
        segment.Reset();
        Assert.Equal(32, segment.DataOffset);
        Assert.Equal(0, segment.DataLength);
        pool.Return(segment);
    }

    [Fact]
    public void Chains_CountSegmentsAndBytes_AndReturnWhole()
    {
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Count = 8, RoomSize = 100 });
        DataBuffer head = pool.RentChain(250)!;
        Assert.Equal(3, head.SegmentCount);
        Assert.Equal(5, pool.Available);
        int k = 0;
        for (DataBuffer? s = head; s is not null; s = s.Next)
        {
            s.Append(s == head ? 100 : 75).Fill((byte)k++);
        }

        Assert.Equal(250, head.TotalLength);
        var copy = new byte[250];
        Assert.Equal(250, head.CopyTo(copy));
        Assert.Equal(0, copy[0]);
        Assert.Equal(1, copy[100]);
        Assert.Equal(2, copy[249]);
        pool.Return(head);
        Assert.Equal(8, pool.Available);
    }

    [Fact]
    public void RentChain_WhenExhausted_RentsNothing()
    {
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Count = 2, RoomSize = 100, CacheSize = 0 });
        Assert.Null(pool.RentChain(300));
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public void Chain_RejectsCycles()
    {
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Count = 2, RoomSize = 64 });
        DataBuffer a = pool.Rent()!;
        DataBuffer b = pool.Rent()!;
        a.Chain(b);
        Assert.Throws<InvalidOperationException>(() => b.Chain(a));
        Assert.Throws<InvalidOperationException>(() => a.Chain(b));
        pool.Return(a);
    }

    [Fact]
    public void DoubleReturn_AndForeignSegments_AreRejected()
    {
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Count = 2, RoomSize = 64 });
        using BufferPool other = BufferPool.Create(new BufferPoolOptions { Count = 2, RoomSize = 64 });
        DataBuffer a = pool.Rent()!;
        pool.Return(a);
        Assert.Throws<InvalidOperationException>(() => pool.Return(a));
        DataBuffer foreign = other.Rent()!;
        Assert.Throws<ArgumentException>(() => pool.Return(foreign));
        other.Return(foreign);
    }

    [Fact]
    public void DisposedPool_MakesSpansThrow()
    {
        BufferPool pool = BufferPool.Create(new BufferPoolOptions { Count = 1, RoomSize = 64 });
        DataBuffer a = pool.Rent()!;
        pool.Dispose();
        Assert.Throws<ObjectDisposedException>(() => a.Room.Length);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    [Theory]
    [InlineData(0, 64, 64)]
    [InlineData(1, 0, 64)]
    [InlineData(1, 64, 32)]
    [InlineData(1, 64, 100)]
    [InlineData(1, 64, 8192)]
    public void Create_RejectsBadOptions(int count, int room, int alignment)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BufferPool.Create(new BufferPoolOptions { Count = count, RoomSize = room, Alignment = alignment }));
    }
}
