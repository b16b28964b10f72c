using System.Collections.Concurrent;
using System.Threading.Channels;
using AccelSdk.Core.Rings;
using BenchmarkDotNet.Attributes;

namespace AccelSdk.Bench.Core;

/// <summary>
/// A producer thread and the benchmark thread (the consumer) on two cores move <see cref="Elements"/> references
/// through a 1024-slot queue (ring_perf's two-core test). Results are per element moved.
/// </summary>
public class RingTwoThreadBenchmarks
{
    private const int Elements = 1 << 20;
    private Ring<object> _ring = null!;
    private Channel<object> _channel = null!;
    private ConcurrentQueue<object> _queue = null!;
    private object[] _items = null!;
    private object[] _sink = null!;
    private Thread _producer = null!;
    private SemaphoreSlim _go = null!;
    private volatile int _target; // 0 none, 1 ring, 2 channel, 3 queue, -1 exit

    /// <summary>Elements per call.</summary>
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
        _channel = Channel.CreateBounded<object>(new BoundedChannelOptions(1024) { SingleReader = Mode == "SP/SC", SingleWriter = Mode == "SP/SC" });
        _queue = new ConcurrentQueue<object>();
        _items = Enumerable.Range(0, Burst).Select(_ => new object()).ToArray();
        _sink = new object[Burst];
        _go = new SemaphoreSlim(0);
        _producer = new Thread(Produce) { IsBackground = true, Name = "bench-producer" };
        _producer.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _target = -1;
        _go.Release();
        _producer.Join();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Elements)]
    public int BoundedChannel()
    {
        Start(2);
        ChannelReader<object> reader = _channel.Reader;
        int moved = 0;
        while (moved < Elements)
        {
            moved += reader.TryRead(out _sink[0]!) ? 1 : 0;
        }

        return moved;
    }

    [Benchmark(OperationsPerInvoke = Elements)]
    public int ConcurrentQueue()
    {
        Start(3);
        int moved = 0;
        while (moved < Elements)
        {
            moved += _queue.TryDequeue(out _sink[0]!) ? 1 : 0;
        }

        return moved;
    }

    [Benchmark(OperationsPerInvoke = Elements)]
    public int RingBurst()
    {
        Start(1);
        int moved = 0;
        while (moved < Elements)
        {
            moved += _ring.DequeueBurst(_sink);
        }

        return moved;
    }

    private void Start(int target)
    {
        _target = target;
        _go.Release();
    }

    private void Produce()
    {
        while (true)
        {
            _go.Wait();
            int target = _target;
            if (target < 0)
            {
                return;
            }

            int sent = 0;
            switch (target)
            {
                case 1:
                    while (sent < Elements)
                    {
                        sent += _ring.EnqueueBurst(_items.AsSpan(0, Math.Min(Burst, Elements - sent)));
                    }

                    break;
                case 2:
                    while (sent < Elements)
                    {
                        sent += _channel.Writer.TryWrite(_items[0]) ? 1 : 0;
                    }

                    break;
                default:
                    while (sent < Elements)
                    {
                        _queue.Enqueue(_items[0]);
                        sent++;
                    }

                    break;
            }
        }
    }
}
