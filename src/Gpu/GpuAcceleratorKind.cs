namespace AccelSdk.Gpu;

/// <summary>Which ILGPU accelerator a <c>baseband_gpu</c> device runs its kernels on.</summary>
public enum GpuAcceleratorKind
{
    /// <summary>A CUDA device when one is present, otherwise ILGPU's CPU accelerator (with a one-line notice).</summary>
    Auto,

    /// <summary>A CUDA device; the device fails to start with a one-line error when there is none.</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator: the same kernels run on CPU threads (slow; for machines without a GPU and for tests).</summary>
    Cpu,
}
