using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>DPDK's functional suite on <c>dma_sw</c> (shared virtual addressing: error cases skip, as for DPDK's skeleton).</summary>
public sealed class SoftwareInstanceTests : DmaInstanceTests
{
    protected override DmaHarness CreateHarness() => new SoftwareHarness();
}
