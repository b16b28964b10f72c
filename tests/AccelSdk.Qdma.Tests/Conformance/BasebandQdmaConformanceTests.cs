using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Tests.Conformance;
using AccelSdk.Qdma.Tests.Infrastructure;

namespace AccelSdk.Qdma.Tests.Conformance;

/// <summary>
/// The shared bbdev conformance suite against <c>baseband_qdma</c> on the emulated card with the real LDPC engine:
/// every DPDK LDPC vector through descriptors, the model's engines and completions, and the driver contract.
/// </summary>
public sealed class BasebandQdmaConformanceTests : BbdevDriverConformanceSuite, IDisposable
{
    private readonly List<QdmaFixture> _fixtures = new();

    /// <summary>The stress test's 100 000 decodes per thread take minutes on a two-core machine; 1 024 still cross many ring laps.</summary>
    protected override int StressOpsPerThread => 1024;

    protected override BbdevDevice CreateDevice()
    {
        var fixture = new QdmaFixture(realEngine: true);
        _fixtures.Add(fixture);
        return fixture.Device;
    }

    public void Dispose()
    {
        foreach (QdmaFixture fixture in _fixtures)
        {
            fixture.Dispose();
        }
    }
}
