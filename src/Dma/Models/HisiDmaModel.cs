using AccelSdk.Dma.Hardware;
using AccelSdk.Uacce;
using AccelSdk.Uacce.Models;

namespace AccelSdk.Dma.Models;

/// <summary>
/// An in-process HiSilicon QM device with the data-move (<c>udma</c>) function, the hardware behind DPDK's hisi_acc
/// dmadev: it publishes <c>api = hisi_qm_v5</c> and the algorithm <c>udma</c> on the UACCE bus, answers the QM ioctls
/// (<c>SET_QP_CTX</c>, <c>SET_QP_INFO</c>), and its engine threads execute 128-byte submission entries from each
/// queue's DUS region when the 64-bit doorbell is rung, writing each entry's write-back word and a phase-tagged
/// completion entry. Host it with <c>AddHisiDmaModel()</c> (or <c>UacceBusOptions.AddModel</c>).
/// </summary>
/// <remarks>
/// Faults: an address the device cannot reach fails that job (source or destination fault in its write-back);
/// <see cref="InjectJobErrors"/> fails the next jobs with an engine error; <see cref="UacceDeviceModel.InjectReset"/>
/// and <see cref="UacceDeviceModel.InjectHardwareError"/> stop every queue with its reset words set, as the QM kernel
/// driver does on a controller reset.
/// </remarks>
public sealed class HisiDmaModel : UacceDeviceModel
{
    private int _injectedErrors;
    private long _jobs;
    private long _ignoredDoorbells;

    /// <summary>Creates the model.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public HisiDmaModel(HisiDmaModelOptions? options = null)
        : base(ToUacceOptions(options ?? new HisiDmaModelOptions()))
    {
        HisiDmaModelOptions validated = options ?? new HisiDmaModelOptions();
        Depth = validated.Depth;
        BatchSize = validated.BatchSize;
    }

    /// <summary>The submission and completion ring depth of every queue.</summary>
    public int Depth { get; }

    /// <summary>Submission entries the device executed (successful or not).</summary>
    public long ExecutedJobs => Interlocked.Read(ref _jobs);

    /// <summary>Doorbells ignored because they named another queue or an index beyond the ring.</summary>
    public long IgnoredDoorbells => Interlocked.Read(ref _ignoredDoorbells);

    internal int BatchSize { get; }

    /// <summary>Makes the next <paramref name="count"/> jobs (on any queue) fail with an engine error.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void InjectJobErrors(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _injectedErrors, count);
    }

    /// <inheritdoc />
    protected override UacceModelQueue CreateQueue(UacceModelQueueContext context) => new HisiDmaModelQueue(context, this);

    /// <summary>Engine thread: whether this job must fail with an injected engine error.</summary>
    internal bool TakeInjectedError()
    {
        while (true)
        {
            int left = Volatile.Read(ref _injectedErrors);
            if (left == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _injectedErrors, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    internal void CountJobs(int jobs) => Interlocked.Add(ref _jobs, jobs);

    internal void CountIgnoredDoorbell() => Interlocked.Increment(ref _ignoredDoorbells);

    private static UacceDeviceModelOptions ToUacceOptions(HisiDmaModelOptions options)
    {
        options.Validate();
        long page = Environment.SystemPageSize;
        var uacce = new UacceDeviceModelOptions
        {
            InterfaceName = options.InterfaceName,
            Api = options.Api,
            Flags = options.AddressMode == UacceAddressMode.Sva ? UacceDeviceFlags.Sva : UacceDeviceFlags.NoIommu,
            QueueCount = options.QueueCount,
            MmioRegionSize = ((HisiQm.DoorbellOffset + sizeof(ulong) + page - 1) / page) * page,
            DusRegionSize = HisiQm.DusSize(options.Depth, page),
            EngineCount = options.EngineCount,
            RequireRegisteredMemory = options.RequireRegisteredMemory,
            IdleSpinCount = options.IdleSpinCount,
        };
        uacce.Algorithms.Add("zlib");
        uacce.Algorithms.Add("gzip");
        uacce.Algorithms.Add("udma");
        return uacce;
    }
}
