using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>DPDK's API suite on <c>dma_uacce</c> over the in-process HiSilicon data-move model.</summary>
public sealed class UacceApiTests : DmaApiTests
{
    protected override DmaHarness CreateHarness() => new UacceHarness();
}
