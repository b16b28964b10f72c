using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>The stress run on <c>dma_uacce</c>: one million copies over two devices (two QM queues, one vchan each).</summary>
public sealed class UacceStressTests : DmaStressTests
{
    protected override int Jobs => 1_000_000;

    protected override DmaHarness CreateHarness() => new UacceHarness(devargs: "queues=2");

    protected override Channel[] OpenChannels(DmaHarness harness)
    {
        var uacce = (UacceHarness)harness;
        var channels = new List<Channel>();
        foreach (DmaDevice device in uacce.Devices)
        {
            DmaDeviceInfo info = device.GetInfo();
            device.Configure(1);
            device.VchanSetup(0, DmaDirection.MemToMem, info.MinDesc);
            device.Start();
            channels.Add(new Channel(device, 0, device.BurstCapacity(0)));
        }

        return channels.ToArray();
    }
}
