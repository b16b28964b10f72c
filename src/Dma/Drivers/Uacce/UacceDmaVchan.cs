using AccelSdk.Dma.Driver;
using AccelSdk.Dma.Hardware;

namespace AccelSdk.Dma.Drivers.Uacce;

/// <summary>The single vchan of a <c>dma_uacce</c> device: the data path of its queue's ring.</summary>
internal sealed class UacceDmaVchan(int vchanId, DmaVchanConfig config, UacceDmaOperations device) : DmaVchan(vchanId, config)
{
    private HisiDmaRing Ring => device.Ring;

    public override int BurstCapacity => Ring.BurstCapacity;

    public override DmaVchanStatus Status => device.HasRing ? Ring.Status() : DmaVchanStatus.Idle;

    public override int Copy(nint source, nint destination, int length, DmaOpFlags flags) =>
        Ring.Enqueue(HisiDmaSqe.ExtMemcpy, source, destination, length, 0, (flags & DmaOpFlags.Submit) != 0);

    public override int Fill(ulong pattern, nint destination, int length, DmaOpFlags flags) =>
        Ring.Enqueue(HisiDmaSqe.ExtMemset, 0, destination, length, pattern, (flags & DmaOpFlags.Submit) != 0);

    public override int Submit() => Ring.Submit();

    public override int Completed(int maxCompletions, out bool hasError) => Ring.Completed(maxCompletions, out hasError);

    public override int CompletedStatus(Span<DmaStatus> status) => Ring.CompletedStatus(status);

    public override void Dump(TextWriter writer)
    {
        if (device.HasRing)
        {
            Ring.Dump(writer);
        }
    }
}
