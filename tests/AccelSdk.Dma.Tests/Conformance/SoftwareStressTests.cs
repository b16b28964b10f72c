using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>The stress run on <c>dma_sw</c>: two million copies over four vchans.</summary>
public sealed class SoftwareStressTests : DmaStressTests
{
    protected override int Jobs => 2_000_000;

    protected override DmaHarness CreateHarness() => new SoftwareHarness();
}
