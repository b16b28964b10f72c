using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>DPDK's functional suite on <c>dma_sw,check_addresses=1</c>: the error-handling cases run.</summary>
public sealed class SoftwareCheckedInstanceTests : DmaInstanceTests
{
    protected override DmaHarness CreateHarness() => new SoftwareHarness("check_addresses=1");
}
