using System.Collections.Concurrent;
using System.Threading.Channels;
using AccelSdk.Core.Rings;
using BenchmarkDotNet.Attributes;

namespace AccelSdk.Bench.Core;

/// <summary>
/// One thread enqueues a burst and dequeues it again, repeatedly (rte_ring's ring_perf "bulk enq/dequeue" on one
/// core). Results are per element (OperationsPerInvoke), with the bounded Channel as baseline and ConcurrentQueue
/// beside it; neither has a burst API, so they move the burst one element at a time.
/// </summary>
[MemoryDiagnoser]
public class RingSingleThreadBenchmarks
{
    private const int Elements = 1 << 16;
    private Ring<object> _ring = null!;
    private Channel<object> _channel = null!;
    private ConcurrentQueue<object> _queue = null!;
    private object[] _items = null!;
    private object[] _sink = null!;

    /// <summary>Elements per enqueue/dequeue call.</summary>
    [Params(1, 8, 32)]
    public int Burst { get; set; }

    /// <summary>Ring producer/consumer mode.</summary>
    [Params("SP/SC", "MP/MC")]
    public string Mode { get; set; } = "SP/SC";

    [GlobalSetup]
    public void Setup()
    {
        RingFlags flags = Mode == "SP/SC" ? RingFlags.SingleProducer | RingFlags.SingleConsumer : RingFlags.None;
        _ring = Ring.Create<object>(1024, flags);
        _channel = Channel.CreateBounded<object>(new BoundedChannelOptions(1024)
        {
            SingleReader = Mode == "SP/SC",
            SingleWriter = Mode == "SP/SC",
            FullMode = BoundedChannelFullMode.Wait,
        });
        _queue = new ConcurrentQueue<object>();
        _items = Enumerable.Range(0, Burst).Select(_ => new object()).ToArray();
        _sink = new object[Burst];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Elements)]
    public int BoundedChannel()
    {
        ChannelWriter<object> writer = _channel.Writer;
        ChannelReader<object> reader = _channel.Reader;
        int moved = 0;
        for (int i = 0; i < Elements; i += Burst)
        {
            foreach (object item in _items)
            {
                writer.TryWrite(item);
            }

            for (int k = 0; k < _sink.Length; k++)
            {
                moved += reader.TryRead(out _sink[k]!) ? 1 : 0;
            }
        }

        return moved;
    }

    [Benchmark(OperationsPerInvoke = Elements)]
    public int ConcurrentQueue()
    {
        int moved = 0;
        for (int i = 0; i < Elements; i += Burst)
        {
            foreach (object item in _items)
            {
                _queue.Enqueue(item);
            }

            for (int k = 0; k < _sink.Length; k++)
            {
                moved += _queue.TryDequeue(out _sink[k]!) ? 1 : 0;
            }
        }

        return moved;
    }

    [Benchmark(OperationsPerInvoke = Elements)]
    public int RingBulk()
    {
        int moved = 0;
        for (int i = 0; i < Elements; i += Burst)
        {
            _ring.EnqueueBulk(_items);
            moved += _ring.DequeueBulk(_sink) ? Burst : 0;
        }

        return moved;
    }

    [Benchmark(OperationsPerInvoke = Elements)]
    public int RingBurst()
    {
        int moved = 0;
        for (int i = 0; i < Elements; i += Burst)
        {
            _ring.EnqueueBurst(_items);
            moved += _ring.DequeueBurst(_sink);
        }

        return moved;
    }
}
