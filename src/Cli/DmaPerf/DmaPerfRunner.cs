using System.Diagnostics;
using System.Runtime.InteropServices;
using AccelSdk.Core.Devices;
using AccelSdk.Dma;

namespace AccelSdk.Cli.DmaPerf;

/// <summary>
/// The measurement loops of <c>accel dma-perf</c>, after DPDK's test-dma-perf: the worker (this thread) enqueues one
/// copy per buffer in turn, kicks (submits and harvests) every <c>burst</c> jobs, and on a full ring kicks and retries;
/// throughput is the jobs completed in the timed window. The CPU baseline copies the same buffers in the same order
/// with <c>Buffer.MemoryCopy</c> on this thread. Rounds alternate CPU and DMA so both see the same machine noise.
/// </summary>
internal sealed unsafe class DmaPerfRunner : IDisposable
{
    private readonly DmaPerfOptions _options;
    private readonly DmaDevice _device;
    private readonly byte* _source;
    private readonly byte* _destination;
    private readonly long _bytes;
    private readonly IDisposable _sourceRegistration;
    private readonly IDisposable _destinationRegistration;
    private int _configuredVchans;

    public DmaPerfRunner(DmaPerfOptions options, DeviceRegistry registry)
    {
        _options = options;
        _device = AcquireDevice(registry, options.Device);
        _bytes = (long)options.MemSizeMiB << 20;
        int largest = options.Sizes.Max();
        _bytes = Math.Max(_bytes, largest);
        _source = (byte*)NativeMemory.AlignedAlloc((nuint)_bytes, 4096);
        _destination = (byte*)NativeMemory.AlignedAlloc((nuint)_bytes, 4096);
        var random = new Random(42);
        for (long at = 0; at < _bytes; at += 1 << 30)
        {
            random.NextBytes(new Span<byte>(_source + at, (int)Math.Min(1 << 30, _bytes - at)));
        }

        NativeMemory.Clear(_destination, (nuint)_bytes);
        _sourceRegistration = _device.RegisterMemory((nint)_source, _bytes);
        _destinationRegistration = _device.RegisterMemory((nint)_destination, _bytes);
    }

    public DmaDevice Device => _device;

    public DmaPerfResult Run(int size, int burst, int vchans)
    {
        EnsureConfigured(vchans);
        int buffers = (int)Math.Max(1, _bytes / size);
        var cpu = new List<double>();
        var dma = new List<double>();
        var dmaOps = new List<double>();
        var cpuOps = new List<double>();
        var ratios = new List<double>();
        bool verified = true;
        MeasureDma(size, burst, vchans, buffers, TimeSpan.FromMilliseconds(20), out _); // warm-up: JIT, page faults, caches
        MeasureCpu(size, buffers, TimeSpan.FromMilliseconds(20));
        TimeSpan window = TimeSpan.FromSeconds(_options.Seconds);
        for (int round = 0; round < _options.Rounds; round++)
        {
            double c = MeasureCpu(size, buffers, window);
            cpuOps.Add(c);
            cpu.Add(c * size / 1e9);
            if (_options.Verify)
            {
                NativeMemory.Clear(_destination, (nuint)((long)buffers * size));
            }

            double d = MeasureDma(size, burst, vchans, buffers, window, out long jobs);
            dmaOps.Add(d);
            dma.Add(d * size / 1e9);
            ratios.Add(c > 0 ? d / c : 0);
            if (_options.Verify)
            {
                verified &= VerifyCopied(size, (int)Math.Min(buffers, jobs));
            }
        }

        return new DmaPerfResult
        {
            Size = size,
            Burst = burst,
            Vchans = vchans,
            Buffers = buffers,
            DmaGBps = Median(dma),
            DmaMops = Median(dmaOps) / 1e6,
            CpuGBps = Median(cpu),
            CpuMops = Median(cpuOps) / 1e6,
            Ratio = Median(ratios),
            DmaRoundsGBps = dma,
            CpuRoundsGBps = cpu,
            Verified = verified,
        };
    }

    public void Dispose()
    {
        if (_device.IsStarted)
        {
            _device.Stop();
        }

        _sourceRegistration.Dispose();
        _destinationRegistration.Dispose();
        NativeMemory.AlignedFree(_source);
        NativeMemory.AlignedFree(_destination);
    }

    private static DmaDevice AcquireDevice(DeviceRegistry registry, string device)
    {
        if (registry.TryGet(device, out IAccelDevice existing))
        {
            return existing as DmaDevice ?? throw new ArgumentException($"--device {device} is a {existing.Class} device, not a DMA device.");
        }

        string name = device.Split(',')[0];
        if (!device.Contains(',', StringComparison.Ordinal) && registry.Devices.OfType<DmaDevice>().FirstOrDefault(d => d.DriverName == name) is { } byDriver)
        {
            return byDriver;
        }

        IAccelDevice created = registry.CreateVirtualDevice(device);
        return created as DmaDevice
            ?? throw new ArgumentException($"--device {device} created {created.Name}, a {created.Class} device, not a DMA device.");
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private void EnsureConfigured(int vchans)
    {
        if (_configuredVchans == vchans)
        {
            return;
        }

        if (_device.IsStarted)
        {
            _device.Stop();
        }

        DmaDeviceInfo info = _device.GetInfo();
        if (vchans > info.MaxVchans)
        {
            throw new ArgumentException($"--vchans {vchans} is more than device {_device.Name} offers ({info.MaxVchans}).");
        }

        int ring = Math.Clamp(_options.RingSize, info.MinDesc, info.MaxDesc);
        _device.Configure(vchans);
        for (int v = 0; v < vchans; v++)
        {
            _device.VchanSetup(v, DmaDirection.MemToMem, ring);
        }

        _device.Start();
        _configuredVchans = vchans;
    }

    /// <summary>In-thread <c>Buffer.MemoryCopy</c> over the buffers in turn; returns copies per second.</summary>
    private double MeasureCpu(int size, int buffers, TimeSpan window)
    {
        long ticks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        long start = Stopwatch.GetTimestamp();
        long deadline = start + ticks;
        long copies = 0;
        int i = 0;
        long now;
        do
        {
            for (int k = 0; k < 64; k++)
            {
                long offset = (long)i * size;
                Buffer.MemoryCopy(_source + offset, _destination + offset, size, size);
                if (++i == buffers)
                {
                    i = 0;
                }
            }

            copies += 64;
            now = Stopwatch.GetTimestamp();
        }
        while (now < deadline);

        return copies / ((now - start) / (double)Stopwatch.Frequency);
    }

    /// <summary>
    /// DPDK's worker loop: one copy per buffer in turn (vchans in turn), a kick every <paramref name="burst"/> jobs per
    /// vchan, a kick and retry when the ring is full. Returns completed copies per second over the window, then drains.
    /// </summary>
    private double MeasureDma(int size, int burst, int vchans, int buffers, TimeSpan window, out long jobs)
    {
        DmaDevice device = _device;
        int harvest = Math.Max(burst, 256);
        Span<int> pending = stackalloc int[vchans];
        Span<long> outstanding = stackalloc long[vchans];
        long ticks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        long completed = 0;
        long enqueued = 0;
        int i = 0;
        int v = 0;
        long start = Stopwatch.GetTimestamp();
        long deadline = start + ticks;
        long now = start;
        while (now < deadline)
        {
            for (int k = 0; k < 64; k++)
            {
                long offset = (long)i * size;
                int id = device.Copy(v, (nint)(_source + offset), (nint)(_destination + offset), size);
                while (id == DmaError.NoSpace)
                {
                    device.Submit(v);
                    pending[v] = 0;
                    int n = device.Completed(v, harvest, out _, out _);
                    completed += n;
                    outstanding[v] -= n;
                    if (n == 0)
                    {
                        // The engine has not freed a slot: on a shared (oversubscribed) machine it may be waiting for
                        // a CPU, so give ours up instead of spinning out the time slice.
                        Thread.Yield();
                    }

                    id = device.Copy(v, (nint)(_source + offset), (nint)(_destination + offset), size);
                }

                if (id < 0)
                {
                    throw new InvalidOperationException($"DMA device {device.Name}: copy failed with {DmaError.Describe(id)}.");
                }

                enqueued++;
                outstanding[v]++;
                if (++pending[v] == burst)
                {
                    device.Submit(v);
                    pending[v] = 0;
                    int n = device.Completed(v, harvest, out _, out bool error);
                    if (error)
                    {
                        throw new InvalidOperationException($"DMA device {device.Name}: a copy failed (vchan {v}).");
                    }

                    completed += n;
                    outstanding[v] -= n;
                }

                if (++i == buffers)
                {
                    i = 0;
                }

                if (++v == vchans)
                {
                    v = 0;
                }
            }

            now = Stopwatch.GetTimestamp();
        }

        double seconds = (now - start) / (double)Stopwatch.Frequency;
        double rate = completed / seconds;

        // Drain: everything enqueued completes before the next measurement starts.
        var clock = Stopwatch.StartNew();
        for (int q = 0; q < vchans; q++)
        {
            device.Submit(q);
            while (outstanding[q] > 0)
            {
                int n = device.Completed(q, harvest, out _, out bool error);
                if (error)
                {
                    throw new InvalidOperationException($"DMA device {device.Name}: a copy failed (vchan {q}).");
                }

                outstanding[q] -= n;
                if (n == 0)
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        throw new TimeoutException($"DMA device {device.Name}: {outstanding[q]} copies did not complete within 30 s.");
                    }

                    Thread.Yield();
                }
            }
        }

        jobs = enqueued;
        return rate;
    }

    private bool VerifyCopied(int size, int buffers)
    {
        long total = (long)size * buffers;
        for (long at = 0; at < total; at += 1 << 30)
        {
            int length = (int)Math.Min(1 << 30, total - at);
            if (!new ReadOnlySpan<byte>(_source + at, length).SequenceEqual(new ReadOnlySpan<byte>(_destination + at, length)))
            {
                return false;
            }
        }

        return true;
    }
}
