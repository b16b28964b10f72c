namespace AccelSdk.Gpu;

/// <summary>Configuration of a <c>baseband_gpu</c> device (defaults for every device, overridable per device by devargs).</summary>
public sealed record GpuDeviceOptions
{
    /// <summary>The accelerator (<c>accelerator=auto|cuda|cpu</c>). Default <see cref="GpuAcceleratorKind.Auto"/>.</summary>
    public GpuAcceleratorKind Accelerator { get; init; } = GpuAcceleratorKind.Auto;

    /// <summary>Index of the CUDA device among those present (<c>cuda_device=N</c>, 0..63). Default 0.</summary>
    public int CudaDeviceIndex { get; init; }

    /// <summary>
    /// Most code blocks one kernel launch decodes (<c>max_batch=N</c>, 1..16384). Default 1024. An op is never split,
    /// so a transport-block op larger than this forms a batch of its own.
    /// </summary>
    public int MaxCodeBlocksPerBatch { get; init; } = 1024;

    /// <summary>
    /// Longest time in microseconds the first op of a partial batch waits for more ops before the batch is launched
    /// (<c>max_wait_us=N</c>, 0..1000000). Default 50. A dequeue that finds nothing completed launches at once.
    /// </summary>
    public int MaxWaitMicroseconds { get; init; } = 50;

    /// <summary>
    /// Streams per queue (<c>streams=N</c>, 1..8): batches in flight at once, each with its own pinned staging and device
    /// buffers, so copies and kernels of one batch overlap the host work of the next. Default 2 (double buffering).
    /// </summary>
    public int StreamCount { get; init; } = 2;

    /// <summary>Most queues (<c>max_nb_queues</c>, 1..64). Default 8.</summary>
    public int MaxQueues { get; init; } = 8;

    /// <summary>
    /// Threads per group on ILGPU's CPU accelerator (tests: 1, the fast default, or up to 8 to run the kernel's
    /// multi-thread path — lanes split over threads, barriers, shared flags — the way a GPU runs it).
    /// </summary>
    internal int CpuThreadsPerGroup { get; init; } = 1;

    /// <summary>Throws when a value is out of range; the message names the option, its value and the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Accelerator))
        {
            throw new ArgumentOutOfRangeException(nameof(Accelerator), Accelerator, "Accelerator must be Auto, Cuda or Cpu.");
        }

        Check(CudaDeviceIndex, 0, 63, nameof(CudaDeviceIndex));
        Check(MaxCodeBlocksPerBatch, 1, 16384, nameof(MaxCodeBlocksPerBatch));
        Check(MaxWaitMicroseconds, 0, 1_000_000, nameof(MaxWaitMicroseconds));
        Check(StreamCount, 1, 8, nameof(StreamCount));
        Check(MaxQueues, 1, 64, nameof(MaxQueues));
    }

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is outside {min}..{max}.");
        }
    }
}
