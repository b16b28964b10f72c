using AccelSdk.Core.Buffers;
using AccelSdk.Core.Pools;

namespace AccelSdk.Crypto.Tests.Api;

/// <summary>Buffers and ops for API tests.</summary>
internal sealed class OpFactory : IDisposable
{
    public OpFactory(int roomSize = 4096, int count = 256)
    {
        Buffers = BufferPool.Create(new BufferPoolOptions { RoomSize = roomSize, Count = count, CacheSize = 0 });
        Ops = CryptoOp.CreatePool(new OpPoolOptions { Count = count, CacheSize = 0 });
    }

    public BufferPool Buffers { get; }

    public OpPool<CryptoOp> Ops { get; }

    public DataBuffer Buffer(ReadOnlySpan<byte> bytes)
    {
        DataBuffer buffer = Buffers.Rent() ?? throw new InvalidOperationException("pool exhausted");
        bytes.CopyTo(buffer.Append(bytes.Length));
        return buffer;
    }

    public DataBuffer Chain(ReadOnlySpan<byte> bytes, params int[] segmentLengths)
    {
        DataBuffer head = Buffers.Rent()!;
        int at = 0;
        DataBuffer current = head;
        for (int i = 0; i < segmentLengths.Length; i++)
        {
            if (i > 0)
            {
                DataBuffer next = Buffers.Rent()!;
                current.Chain(next);
                current = next;
            }

            bytes.Slice(at, segmentLengths[i]).CopyTo(current.Append(segmentLengths[i]));
            at += segmentLengths[i];
        }

        return head;
    }

    public CryptoOp Op(CryptoSession session, DataBuffer source, DataBuffer? destination = null)
    {
        CryptoOp op = Ops.Get() ?? throw new InvalidOperationException("op pool exhausted");
        op.Reset();
        op.Session = session;
        op.Source = source;
        op.Destination = destination;
        return op;
    }

    public static byte[] Bytes(DataBuffer buffer)
    {
        byte[] bytes = new byte[buffer.TotalLength];
        buffer.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Enqueues ops and polls until all are dequeued (in order), or fails after 10 s.</summary>
    public static CryptoOp[] RunBurst(CryptoDevice device, int queuePair, params CryptoOp[] ops)
    {
        var done = new CryptoOp[ops.Length];
        int enqueued = 0, dequeued = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (dequeued < ops.Length)
        {
            if (enqueued < ops.Length)
            {
                enqueued += device.EnqueueBurst(queuePair, ops.AsSpan(enqueued));
            }

            int n = device.DequeueBurst(queuePair, done.AsSpan(dequeued));
            dequeued += n;
            if (n == 0)
            {
                Thread.Yield();
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"timed out with {dequeued}/{ops.Length} ops done");
        }

        return done;
    }

    public void Dispose()
    {
        Ops.Dispose();
        Buffers.Dispose();
    }
}
