using System.Runtime.InteropServices;
using AccelSdk.Dma;
using AccelSdk.Dma.Drivers.Software;
using AccelSdk.Core.Devices;
using BenchmarkDotNet.Attributes;

namespace AccelSdk.Bench.Dma;

/// <summary>
/// A burst of copies through a <c>dma_sw</c> device (enqueue, submit, harvest until all completed) against the same
/// burst copied in-thread with <c>Buffer.MemoryCopy</c> (the baseline). Per copy: the DMA figure is the wall time the
/// application waits for the engine, including the enqueue and harvest calls.
/// </summary>
public unsafe class DmaDeviceBenchmarks
{
    private const long Span = 16L << 20;
    private DmaDevice _device = null!;
    private byte* _source;
    private byte* _destination;
    private long _offset;

    /// <summary>Bytes per copy.</summary>
    [Params(64, 4096)]
    public int Size { get; set; }

    /// <summary>Copies per submit.</summary>
    [Params(1, 32)]
    public int Burst { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _device = (DmaDevice)new DmaSoftwareDriver().Create("bench_dma", DeviceArguments.Empty);
        _device.Configure(1);
        _device.VchanSetup(0, DmaDirection.MemToMem, 1024);
        _device.Start();
        _source = (byte*)NativeMemory.AlignedAlloc((nuint)Span, 4096);
        _destination = (byte*)NativeMemory.AlignedAlloc((nuint)Span, 4096);
        new Random(1).NextBytes(new Span<byte>(_source, (int)Span));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _device.Dispose();
        NativeMemory.AlignedFree(_source);
        NativeMemory.AlignedFree(_destination);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 32)]
    public void InThreadMemoryCopy()
    {
        for (int i = 0; i < 32; i++)
        {
            long at = Next();
            Buffer.MemoryCopy(_source + at, _destination + at, Size, Size);
        }
    }

    [Benchmark(OperationsPerInvoke = 32)]
    public int DmaCopyAndHarvest()
    {
        int done = 0;
        for (int i = 0; i < 32; i++)
        {
            long at = Next();
            _device.Copy(0, (nint)(_source + at), (nint)(_destination + at), Size, (i + 1) % Burst == 0 ? DmaOpFlags.Submit : DmaOpFlags.None);
        }

        _device.Submit(0);
        while (done < 32)
        {
            done += _device.Completed(0, 64, out _, out _);
        }

        return done;
    }

    private long Next()
    {
        long at = _offset;
        _offset = at + Size >= Span ? 0 : at + Size;
        return at;
    }
}
