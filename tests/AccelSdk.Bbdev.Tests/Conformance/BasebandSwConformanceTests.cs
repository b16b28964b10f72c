using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Bbdev.Fec;

namespace AccelSdk.Bbdev.Tests.Conformance;

/// <summary>The conformance suite on <c>baseband_sw</c> with the widest accelerated kernels, synchronous queues.</summary>
public sealed class BasebandSwConformanceTests : BbdevDriverConformanceSuite
{
    protected override BbdevDevice CreateDevice() => BasebandSwDriver.Create("baseband_sw_test", new SoftwareDeviceOptions());
}

/// <summary>The suite on <c>baseband_sw</c> with a worker thread per queue (asynchronous completion).</summary>
public sealed class BasebandSwWorkerConformanceTests : BbdevDriverConformanceSuite
{
    protected override int StressOpsPerThread => 20_000;

    protected override BbdevDevice CreateDevice() => BasebandSwDriver.Create("baseband_sw_workers", new SoftwareDeviceOptions { Workers = true, WorkerSpin = 100 });
}

/// <summary>The suite on the scalar reference kernels (every vector must pass on the readable reference too).</summary>
public sealed class BasebandSwScalarConformanceTests : BbdevDriverConformanceSuite
{
    protected override int VectorOps => 2;

    protected override int StressOpsPerThread => 2_000;

    protected override BbdevDevice CreateDevice() => BasebandSwDriver.Create("baseband_sw_scalar", new SoftwareDeviceOptions { Simd = SimdWidth.Scalar });
}

/// <summary>The suite on the 128-bit kernels.</summary>
public sealed class BasebandSw128ConformanceTests : BbdevDriverConformanceSuite
{
    protected override int VectorOps => 2;

    protected override int StressOpsPerThread => 2_000;

    protected override BbdevDevice CreateDevice() => BasebandSwDriver.Create("baseband_sw_128", new SoftwareDeviceOptions { Simd = SimdWidth.V128 });
}

/// <summary>The suite on the 256-bit kernels.</summary>
public sealed class BasebandSw256ConformanceTests : BbdevDriverConformanceSuite
{
    protected override int VectorOps => 2;

    protected override int StressOpsPerThread => 2_000;

    protected override BbdevDevice CreateDevice() => BasebandSwDriver.Create("baseband_sw_256", new SoftwareDeviceOptions { Simd = SimdWidth.V256 });
}

/// <summary>The suite on the 512-bit kernels (emulated where AVX-512 is absent, so few ops).</summary>
public sealed class BasebandSw512ConformanceTests : BbdevDriverConformanceSuite
{
    protected override int VectorOps => 1;

    protected override int StressOpsPerThread => 500;

    protected override bool RunShippedVectors => false;

    protected override BbdevDevice CreateDevice() => BasebandSwDriver.Create("baseband_sw_512", new SoftwareDeviceOptions { Simd = SimdWidth.V512 });
}
