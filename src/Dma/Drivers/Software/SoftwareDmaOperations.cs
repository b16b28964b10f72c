using System.Diagnostics;
using System.Globalization;
using AccelSdk.Dma.Driver;
using AccelSdk.Dma.Engine;

namespace AccelSdk.Dma.Drivers.Software;

/// <summary>The <c>dma_sw</c> device: one engine thread serving every vchan.</summary>
internal sealed class SoftwareDmaOperations : DmaDeviceOperations
{
    /// <summary>How long Stop waits for the engine to finish submitted jobs before declaring it stuck.</summary>
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(30);

    private readonly string _name;
    private readonly SoftwareDmaOptions _options;
    private readonly SoftwareEngine _engine;
    private readonly MemoryWindows? _windows;
    private SoftwareVchan[] _running = [];
    private bool _silent;

    public SoftwareDmaOperations(string name, SoftwareDmaOptions options)
    {
        _name = name;
        _options = options;
        _engine = new SoftwareEngine(name, options.IdleSpinMicroseconds);
        _windows = options.CheckAddresses ? new MemoryWindows() : null;
        Info = new DmaDeviceInfo
        {
            DriverName = DmaSoftwareDriver.DriverName,
            Capabilities = DmaCapabilities.MemToMem | DmaCapabilities.Silent | DmaCapabilities.OpsCopy | DmaCapabilities.OpsCopySg | DmaCapabilities.OpsFill
                | (options.CheckAddresses ? DmaCapabilities.HandlesErrors : DmaCapabilities.Sva),
            MaxVchans = options.MaxVchans,
            MinDesc = SoftwareDmaOptions.MinDesc,
            MaxDesc = options.MaxDesc,
            MaxSges = options.MaxSges,
            MaxLength = int.MaxValue,
            NumaNode = options.SocketId,
            Engine = string.Create(CultureInfo.InvariantCulture,
                $"engine thread, {KernelWidths.Describe(options.Width)}{(options.StreamThreshold > 0 ? $", streaming stores from {options.StreamThreshold} B" : string.Empty)}{(options.CheckAddresses ? ", address checks" : string.Empty)}"),
        };
    }

    public override DmaDeviceInfo Info { get; }

    public override void Configure(DmaConfig config) => _silent = config.Silent;

    public override DmaVchan SetupVchan(int vchanId, DmaVchanConfig config) =>
        new SoftwareVchan(vchanId, config, _silent, _engine, _options, _windows);

    public override void Start(IReadOnlyList<DmaVchan> vchans)
    {
        var running = new SoftwareVchan[vchans.Count];
        for (int i = 0; i < running.Length; i++)
        {
            running[i] = (SoftwareVchan)vchans[i];
            running[i].Reset();
        }

        _engine.Start(running);
        _running = running;
    }

    public override void Stop()
    {
        // The library refuses new jobs already; let the engine finish what was submitted, then end it.
        var clock = Stopwatch.StartNew();
        foreach (SoftwareVchan vchan in _running)
        {
            SpinWait spin = default;
            while (vchan.Outstanding != 0)
            {
                if (clock.Elapsed > s_drainTimeout)
                {
                    throw new InvalidOperationException(
                        $"DMA device {_name}: vchan {vchan.VchanId} still has {vchan.Outstanding} submitted jobs after {s_drainTimeout.TotalSeconds:0} s; the engine is stuck (EBUSY).");
                }

                spin.SpinOnce(sleep1Threshold: 20);
            }
        }

        _engine.Stop();
        foreach (SoftwareVchan vchan in _running)
        {
            vchan.AbortStaged();
        }

        _running = [];
    }

    public override IDisposable RegisterMemory(nint address, long length) =>
        _windows is null ? base.RegisterMemory(address, length) : _windows.Register(_name, address, length);

    public override void Dump(TextWriter writer)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  dma_sw engine: {(_engine.IsRunning ? "running" : "stopped")}, bursts {_engine.Bursts}, sleeps {_engine.Parks}, registered blocks {(_windows is null ? "n/a (SVA)" : _windows.Count.ToString(CultureInfo.InvariantCulture))}"));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _engine.Dispose();
        }

        base.Dispose(disposing);
    }
}
