using System.Globalization;
using AccelSdk.Dma.Driver;
using AccelSdk.Dma.Hardware;
using AccelSdk.Uacce.Drivers;

namespace AccelSdk.Dma.Drivers.Uacce;

/// <summary>
/// One <c>dma_uacce</c> device: one QM queue (opened at probe, as hisi_acc does) with one vchan whose ring size is
/// the queue's depth. Close gives the queue back; a later configure opens a new one.
/// </summary>
internal sealed class UacceDmaOperations : DmaDeviceOperations
{
    /// <summary>How long a stop waits for the device to report the jobs it was given (hisi_acc waits 1 s; a loaded host needs more).</summary>
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(10);

    private readonly UacceDeviceContext _context;
    private readonly string _name;
    private HisiDmaRing? _ring;

    private UacceDmaOperations(UacceDeviceContext context, string name, HisiDmaRing ring)
    {
        _context = context;
        _name = name;
        _ring = ring;
        bool sva = context.AddressMode == AccelSdk.Uacce.UacceAddressMode.Sva;
        Info = new DmaDeviceInfo
        {
            DriverName = DmaUacceDriver.DriverName,
            Capabilities = DmaCapabilities.MemToMem | DmaCapabilities.OpsCopy | DmaCapabilities.OpsFill | DmaCapabilities.HandlesErrors
                | (sva ? DmaCapabilities.Sva : DmaCapabilities.None),
            MaxVchans = 1,
            MinDesc = ring.Depth,
            MaxDesc = ring.Depth,
            MaxSges = 0,
            MaxLength = HisiQm.MaxLength,
            NumaNode = context.Device.NumaNode,
            Engine = string.Create(CultureInfo.InvariantCulture,
                $"UACCE {context.Device.Origin.ToString().ToLowerInvariant()} {context.Device.Name} ({context.Device.Api}), queue {ring.QueueNumber}, depth {ring.Depth}, {(sva ? "SVA" : "no IOMMU")}"),
        };
    }

    public override DmaDeviceInfo Info { get; }

    public override string Location => _context.Device.Location;

    internal bool HasRing => _ring is not null;

    internal HisiDmaRing Ring => _ring ?? throw new InvalidOperationException($"DMA device {_name}: its UACCE queue was closed.");

    /// <summary>Opens the device's queue; the probe calls this once per device it creates.</summary>
    public static UacceDmaOperations Open(UacceDeviceContext context, string name) =>
        new(context, name, HisiDmaRing.Open(context.OpenQueue, context.AddressSpace, context.Device.Name));

    public override void Configure(DmaConfig config) => EnsureRing();

    public override DmaVchan SetupVchan(int vchanId, DmaVchanConfig config) => new UacceDmaVchan(vchanId, config, this);

    public override void Start(IReadOnlyList<DmaVchan> vchans)
    {
        HisiDmaRing ring = EnsureRing();
        if (ring.Broken)
        {
            // The device stopped the queue (or it never drained): the QM rule is to close it and open another.
            _ring = null;
            ring.Dispose();
            ring = EnsureRing();
        }

        ring.Start();
    }

    public override void Stop() => _ring?.Stop(s_stopTimeout);

    public override void Close()
    {
        _ring?.Dispose();
        _ring = null;
    }

    public override IDisposable RegisterMemory(nint address, long length) => _context.AddressSpace.Register(address, length);

    public override void Dump(TextWriter writer) =>
        writer.WriteLine($"  dma_uacce: {_context.Device.Name} {_context.Device.Origin.ToString().ToLowerInvariant()}, queue {(_ring is null ? "closed" : _ring.QueueNumber.ToString(CultureInfo.InvariantCulture))}");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private HisiDmaRing EnsureRing()
    {
        if (_ring is null)
        {
            HisiDmaRing ring = HisiDmaRing.Open(_context.OpenQueue, _context.AddressSpace, _context.Device.Name);
            if (ring.Depth != Info.MinDesc)
            {
                ring.Dispose();
                throw new InvalidOperationException(
                    $"DMA device {_name}: the reopened UACCE queue has depth {ring.Depth}, not {Info.MinDesc} as at probe.");
            }

            _ring = ring;
        }

        return _ring;
    }
}
