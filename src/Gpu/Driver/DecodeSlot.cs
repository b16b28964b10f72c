using AccelSdk.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace AccelSdk.Gpu.Driver;

/// <summary>
/// One batch in flight: a stream, pinned host staging and device buffers for the code-block descriptors, the
/// compacted LLRs, the check state, the hard decisions and the per-block results. Buffers only grow (on the worker
/// thread, between batches), so steady-state batches allocate nothing.
/// </summary>
internal sealed class DecodeSlot : IDisposable
{
    private readonly Accelerator _accelerator;

    public DecodeSlot(Accelerator accelerator)
    {
        _accelerator = accelerator;
        Stream = accelerator.CreateStream();
    }

    public AcceleratorStream Stream { get; }

    /// <summary>Code blocks the current batch sent to the kernel (0: nothing launched).</summary>
    public int BlockCount { get; set; }

    /// <summary>Hard-output bytes of the current batch.</summary>
    public int HardBytes { get; set; }

    public PageLockedArray1D<GpuDecodeBlock> HostBlocks { get; private set; } = PageLockedArray1D<GpuDecodeBlock>.Empty;

    public PageLockedArray1D<sbyte> HostLlrs { get; private set; } = PageLockedArray1D<sbyte>.Empty;

    public PageLockedArray1D<byte> HostHard { get; private set; } = PageLockedArray1D<byte>.Empty;

    public PageLockedArray1D<int> HostResults { get; private set; } = PageLockedArray1D<int>.Empty;

    public MemoryBuffer1D<GpuDecodeBlock, Stride1D.Dense>? Blocks { get; private set; }

    public MemoryBuffer1D<sbyte, Stride1D.Dense>? Llrs { get; private set; }

    public MemoryBuffer1D<int, Stride1D.Dense>? State { get; private set; }

    public MemoryBuffer1D<byte, Stride1D.Dense>? Hard { get; private set; }

    public MemoryBuffer1D<int, Stride1D.Dense>? Results { get; private set; }

    /// <summary>Makes room for a batch; grows by half again over the request so that sizes settle quickly.</summary>
    public void EnsureCapacity(int blocks, int llrs, int stateInts, int hardBytes)
    {
        if (Blocks is null || Blocks.Length < blocks)
        {
            int size = Grow(blocks);
            Replace(size, HostBlocks, b => HostBlocks = b);
            Blocks?.Dispose();
            Blocks = _accelerator.Allocate1D<GpuDecodeBlock>(size);
            HostResults.Dispose();
            HostResults = _accelerator.AllocatePageLocked1D<int>((long)LdpcDecodeKernel.ResultInts * size);
            Results?.Dispose();
            Results = _accelerator.Allocate1D<int>((long)LdpcDecodeKernel.ResultInts * size);
        }

        if (Llrs is null || Llrs.Length < llrs)
        {
            int size = Grow(llrs);
            Replace(size, HostLlrs, b => HostLlrs = b);
            Llrs?.Dispose();
            Llrs = _accelerator.Allocate1D<sbyte>(size);
        }

        if (State is null || State.Length < stateInts)
        {
            State?.Dispose();
            State = _accelerator.Allocate1D<int>(Grow(stateInts));
        }

        if (Hard is null || Hard.Length < hardBytes)
        {
            int size = Grow(hardBytes);
            Replace(size, HostHard, b => HostHard = b);
            Hard?.Dispose();
            Hard = _accelerator.Allocate1D<byte>(size);
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        HostBlocks.Dispose();
        HostLlrs.Dispose();
        HostHard.Dispose();
        HostResults.Dispose();
        Blocks?.Dispose();
        Llrs?.Dispose();
        State?.Dispose();
        Hard?.Dispose();
        Results?.Dispose();
    }

    private void Replace<T>(int size, PageLockedArray1D<T> old, Action<PageLockedArray1D<T>> set)
        where T : unmanaged
    {
        old.Dispose();
        set(_accelerator.AllocatePageLocked1D<T>(size));
    }

    private static int Grow(int request) => (int)Math.Min(int.MaxValue, Math.Max(64L, request + ((long)request >> 1)));
}
