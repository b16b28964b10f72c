using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>DPDK's functional suite on <c>dma_uacce</c> over the in-process HiSilicon data-move model (SVA, registered memory).</summary>
public sealed class UacceInstanceTests : DmaInstanceTests
{
    protected override DmaHarness CreateHarness() => new UacceHarness();
}
