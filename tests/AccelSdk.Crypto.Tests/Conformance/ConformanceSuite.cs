using AccelSdk.Crypto.Vectors;

namespace AccelSdk.Crypto.Tests.Conformance;

/// <summary>
/// Every conformance vector through a device's enqueue/dequeue API: encrypt and decrypt (or generate and verify), in
/// place and out of place, and a corrupted digest where there is one. Written once; each derived class runs it on
/// one device configuration.
/// </summary>
public abstract class ConformanceSuite
{
    public static TheoryData<string, string> Vectors => ConformanceData.AllVectors();

    /// <summary>The device to run on.</summary>
    protected abstract string DeviceArguments { get; }

    /// <summary>How to run the vectors.</summary>
    protected virtual CryptoVectorRunnerOptions RunnerOptions => new();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_PassesThroughTheDevice(string file, string name)
    {
        if (file == ConformanceData.Missing)
        {
            ConformanceData.RequireVectors();
        }

        CryptoVector vector = ConformanceData.Vector(file, name);
        using var device = new TestDevice(DeviceArguments);
        using var runner = new CryptoVectorRunner(device.Device, 0, RunnerOptions);
        CryptoVectorResult result = runner.Run(vector);
        Assert.True(result.Outcome == CryptoVectorOutcome.Passed, $"{vector}: {result.Outcome}: {result.Reason}");
        Assert.True(result.Cases >= 4, $"{vector}: only {result.Cases} cases ran");
    }
}

/// <summary>crypto_sw processing inside enqueue, linear buffers.</summary>
public sealed class SynchronousConformanceTests : ConformanceSuite
{
    protected override string DeviceArguments => "crypto_sw0";
}

/// <summary>crypto_sw with a worker thread (asynchronous completion).</summary>
public sealed class WorkerConformanceTests : ConformanceSuite
{
    protected override string DeviceArguments => "crypto_sw0,workers=1";
}

/// <summary>crypto_sw on 61-byte segments: every multi-segment (SGL) path, in and out of place.</summary>
public sealed class SegmentedConformanceTests : ConformanceSuite
{
    protected override string DeviceArguments => "crypto_sw0";

    protected override CryptoVectorRunnerOptions RunnerOptions => new() { SegmentSize = 61 };
}

/// <summary>crypto_sw on the scalar reference kernels (AES, GHASH, no carry-less multiply).</summary>
public sealed class ScalarKernelConformanceTests : ConformanceSuite
{
    protected override string DeviceArguments => "crypto_sw0,impl=scalar";
}
