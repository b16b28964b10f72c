using System.Diagnostics;
using AccelSdk.Core.Rings;

namespace AccelSdk.Core.Tests.Rings;

/// <summary>
/// Several producers and consumers move millions of items through a small ring. Each item carries its producer
/// and sequence number; consumers prove ownership (every item exactly once, via a per-item mark), per-producer
/// FIFO order (sequence numbers from one producer rise at every consumer), and the total count and checksum.
/// A deadlock fails the test after a timeout instead of hanging it.
/// </summary>
public sealed class RingStressTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(2, 2, RingFlags.None, 10_000_000)]
    [InlineData(4, 4, RingFlags.None, 10_000_000)]
    [InlineData(3, 2, RingFlags.ExactSize, 3_000_000)]
    [InlineData(1, 3, RingFlags.SingleProducer, 3_000_000)]
    [InlineData(3, 1, RingFlags.SingleConsumer, 3_000_000)]
    [InlineData(1, 1, RingFlags.SingleProducer | RingFlags.SingleConsumer, 3_000_000)]
    public void ProducersAndConsumers_MoveEveryItemExactlyOnce_InProducerOrder(int producers, int consumers, RingFlags flags, int totalItems)
    {
        int capacity = (flags & RingFlags.ExactSize) != 0 ? 100 : 128;
        using Ring<long> ring = Ring.Create<long>(capacity, flags);
        int perProducer = totalItems / producers;
        var seen = new byte[producers * perProducer];
        long expectedSum = 0;
        for (int p = 0; p < producers; p++)
        {
            expectedSum += Checksum(p, perProducer);
        }

        long consumedCount = 0;
        long consumedSum = 0;
        int orderViolations = 0;
        int duplicates = 0;
        var stop = new CancellationTokenSource();
        var threads = new List<Thread>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();

        for (int p = 0; p < producers; p++)
        {
            int producer = p;
            threads.Add(new Thread(() => Guard(failures, () =>
            {
                var rng = new Random(producer);
                var burst = new long[32];
                int sent = 0;
                while (sent < perProducer && !stop.IsCancellationRequested)
                {
                    int n = Math.Min(rng.Next(1, 33), perProducer - sent);
                    for (int i = 0; i < n; i++)
                    {
                        burst[i] = Encode(producer, sent + i);
                    }

                    int accepted = (n & 1) == 0
                        ? (ring.EnqueueBulk(burst.AsSpan(0, n)) ? n : 0)
                        : ring.EnqueueBurst(burst.AsSpan(0, n));
                    sent += accepted;
                    if (accepted == 0)
                    {
                        Thread.Yield();
                    }
                }
            })));
        }

        for (int c = 0; c < consumers; c++)
        {
            int consumer = c;
            threads.Add(new Thread(() => Guard(failures, () =>
            {
                var rng = new Random(1000 + consumer);
                var burst = new long[32];
                var lastSeq = new int[producers];
                Array.Fill(lastSeq, -1);
                long count = 0;
                long sum = 0;
                while (Interlocked.Read(ref consumedCount) + count < (long)producers * perProducer && !stop.IsCancellationRequested)
                {
                    int n = rng.Next(1, 33);
                    int got = (n & 1) == 0
                        ? (ring.DequeueBulk(burst.AsSpan(0, n)) ? n : 0)
                        : ring.DequeueBurst(burst.AsSpan(0, n));
                    for (int i = 0; i < got; i++)
                    {
                        (int producer, int seq) = Decode(burst[i]);
                        if (seq <= lastSeq[producer])
                        {
                            Interlocked.Increment(ref orderViolations);
                        }

                        lastSeq[producer] = seq;
                        if (Interlocked.Exchange(ref seen[(producer * perProducer) + seq], 1) != 0)
                        {
                            Interlocked.Increment(ref duplicates);
                        }

                        sum += burst[i];
                    }

                    count += got;
                    if (got == 0)
                    {
                        // Flush our share so others see progress, then let a producer run.
                        Interlocked.Add(ref consumedCount, count);
                        Interlocked.Add(ref consumedSum, sum);
                        count = 0;
                        sum = 0;
                        Thread.Yield();
                    }
                }

                Interlocked.Add(ref consumedCount, count);
                Interlocked.Add(ref consumedSum, sum);
            })));
        }

        var watch = Stopwatch.StartNew();
        threads.ForEach(t => t.Start());
        foreach (Thread thread in threads)
        {
            TimeSpan left = Timeout - watch.Elapsed;
            if (!thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero))
            {
                stop.Cancel();
                threads.ForEach(t => t.Join(TimeSpan.FromSeconds(10)));
                Assert.Fail($"Deadlock or livelock: not done after {Timeout}; consumed {Interlocked.Read(ref consumedCount)} of {producers * perProducer}.");
            }
        }

        Assert.Empty(failures);
        Assert.Equal((long)producers * perProducer, consumedCount);
        Assert.Equal(expectedSum, consumedSum);
        Assert.Equal(0, duplicates);
        Assert.Equal(0, orderViolations);
        Assert.DoesNotContain((byte)0, seen);
        Assert.Equal(0, ring.Count);
    }

    private static long Encode(int producer, int seq) => ((long)producer << 32) | (uint)seq;

    private static (int Producer, int Seq) Decode(long item) => ((int)(item >> 32), (int)(uint)item);

    private static long Checksum(int producer, int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += Encode(producer, i);
        }

        return sum;
    }

    private static void Guard(System.Collections.Concurrent.ConcurrentQueue<Exception> failures, Action body)
    {
        try
        {
            body();
        }
        catch (Exception ex)
        {
            failures.Enqueue(ex);
        }
    }
}
