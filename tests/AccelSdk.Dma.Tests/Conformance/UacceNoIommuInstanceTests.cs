using AccelSdk.Dma.Tests.Infrastructure;
using AccelSdk.Uacce;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>DPDK's functional suite on <c>dma_uacce</c> over a model without an IOMMU: every address is translated to a bus address.</summary>
public sealed class UacceNoIommuInstanceTests : DmaInstanceTests
{
    protected override DmaHarness CreateHarness() => new UacceHarness(o => o.AddressMode = UacceAddressMode.NoIommu);
}
