using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Tests.Conformance;

namespace AccelSdk.Gpu.Tests.Conformance;

/// <summary>
/// The shared bbdev conformance suite on <c>baseband_gpu</c>, kernels on ILGPU's CPU accelerator (CI has no GPU).
/// </summary>
/// <remarks>
/// The CPU accelerator runs the decode kernel's group on one thread, so a large code block costs tens of milliseconds
/// per iteration. Every DPDK LDPC vector runs (they are the industry's reference: BG1 and BG2, HARQ combining, CRC24B
/// drop, TB mode, Zc from 7 to 384); of the shipped generated set the files with Zc ≤ 64 run (every BG, rv, Qm, CRC,
/// LBRM and TB shape still appears at those sizes) plus the two Zc = 384 benchmark vectors (BG1 R=1/3, BG2 R=1/5); the
/// rest is skipped with the reason. The stress test sends 2 × 256 decodes, enough to cross several batches and both
/// streams.
/// </remarks>
public sealed class BasebandGpuConformanceTests : BbdevDriverConformanceSuite
{
    protected override int VectorOps => 2;

    protected override int StressOpsPerThread => 256;

    protected override bool RunsVector(string vectorName) =>
        !vectorName.Contains("_z", StringComparison.Ordinal) || SmallLifting(vectorName) || vectorName.Contains("_z384_", StringComparison.Ordinal);

    protected override BbdevDevice CreateDevice() =>
        BasebandGpuDriver.Create("baseband_gpu_test", new GpuDeviceOptions { Accelerator = GpuAcceleratorKind.Cpu, MaxCodeBlocksPerBatch = 64, MaxWaitMicroseconds = 20 });

    private static bool SmallLifting(string vectorName)
    {
        int start = vectorName.IndexOf("_z", StringComparison.Ordinal) + 2;
        int end = start;
        while (end < vectorName.Length && char.IsAsciiDigit(vectorName[end]))
        {
            end++;
        }

        return end > start && int.Parse(vectorName.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture) <= 64;
    }
}

/// <summary>
/// The suite with 4 threads per group: the kernel's GPU-shaped path (lanes split over threads, a barrier per layer, the
/// shared syndrome flag) on the CPU accelerator. DPDK's vectors only, fewer stress ops: groups of threads are slower there.
/// </summary>
public sealed class BasebandGpuThreadedGroupConformanceTests : BbdevDriverConformanceSuite
{
    protected override int VectorOps => 1;

    protected override int StressOpsPerThread => 64;

    protected override bool RunShippedVectors => false;

    protected override BbdevDevice CreateDevice() =>
        BasebandGpuDriver.Create("baseband_gpu_groups", new GpuDeviceOptions { Accelerator = GpuAcceleratorKind.Cpu, CpuThreadsPerGroup = 4, MaxWaitMicroseconds = 20 });
}
