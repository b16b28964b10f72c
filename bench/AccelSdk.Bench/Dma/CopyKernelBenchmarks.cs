using System.Runtime.InteropServices;
using AccelSdk.Dma.Engine;
using BenchmarkDotNet.Attributes;

namespace AccelSdk.Bench.Dma;

/// <summary>
/// The DMA engine's copy kernel at each width, and its streaming variant, against <c>Buffer.MemoryCopy</c> (the
/// baseline) on the same buffers: one copy per invocation, cycling through 32 MiB per side so large copies are not
/// served from L1/L2. Bytes per second = Size / mean.
/// </summary>
public unsafe class CopyKernelBenchmarks
{
    private const long Span = 32L << 20;
    private byte* _source;
    private byte* _destination;
    private long _offset;

    /// <summary>Bytes per copy.</summary>
    [Params(64, 4096, 65536, 1048576)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _source = (byte*)NativeMemory.AlignedAlloc((nuint)Span, 4096);
        _destination = (byte*)NativeMemory.AlignedAlloc((nuint)Span, 4096);
        new Random(1).NextBytes(new Span<byte>(_source, (int)Span));
        NativeMemory.Clear(_destination, (nuint)Span);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.AlignedFree(_source);
        NativeMemory.AlignedFree(_destination);
    }

    [Benchmark(Baseline = true)]
    public void BufferMemoryCopy()
    {
        long at = Next();
        Buffer.MemoryCopy(_source + at, _destination + at, Size, Size);
    }

    [Benchmark]
    public void Kernel256()
    {
        long at = Next();
        CopyKernel.Copy256(_source + at, _destination + at, (nuint)Size);
    }

    [Benchmark]
    public void Kernel128()
    {
        long at = Next();
        CopyKernel.Copy128(_source + at, _destination + at, (nuint)Size);
    }

    [Benchmark]
    public void KernelStream256()
    {
        long at = Next();
        CopyKernel.CopyStream256(_source + at, _destination + at, (nuint)Size);
    }

    private long Next()
    {
        long at = _offset;
        _offset = at + Size >= Span ? 0 : at + Size;
        return at;
    }
}
