using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>DPDK's API suite on <c>dma_sw</c>.</summary>
public sealed class SoftwareApiTests : DmaApiTests
{
    protected override DmaHarness CreateHarness() => new SoftwareHarness();
}
