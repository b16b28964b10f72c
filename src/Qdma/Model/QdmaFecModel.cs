using System.Diagnostics;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Uacce;
using AccelSdk.Uacce.Models;

namespace AccelSdk.Qdma.Model;

/// <summary>
/// An emulated QDMA FEC accelerator card on the UACCE bus (api <c>qdma_fec_v1</c>, devices <c>qdma_fec-N</c>):
/// each hardware queue is a QDMA queue set (H2C ring, C2H ring, completion ring with a color bit, doorbells,
/// write-back status words) served by an engine thread that fetches jobs, checks every buffer against the memory the
/// device may reach, runs the LDPC kernels of <c>Bbdev.Fec</c> and writes completions. Host it with
/// <c>AddQdmaFecModel()</c>; the <c>baseband_qdma</c> driver drives it exactly as it would a real card.
/// </summary>
/// <remarks>
/// Fault injection for tests and demonstrations: <see cref="InjectEngineErrors"/> (jobs complete with an engine
/// error), <see cref="InjectEngineFault"/> (the engine faults: the queue is stopped as after a hardware error),
/// <see cref="Pause"/>/<see cref="Resume"/> (the engines stop fetching jobs, as a hung pipeline), and the framework's
/// <see cref="UacceDeviceModel.InjectReset"/>, <see cref="UacceDeviceModel.InjectHardwareError"/> and removal.
/// </remarks>
public sealed class QdmaFecModel : UacceDeviceModel
{
    private readonly QdmaDusLayout _layout;
    private int _paused;
    private int _engineErrors;
    private int _engineFaults;
    private long _jobs;
    private long _failedJobs;

    /// <summary>Creates the card; <paramref name="options"/> (defaults when null) are validated and copied.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it and the allowed values.</exception>
    public QdmaFecModel(QdmaFecModelOptions? options = null)
        : this((options ?? new QdmaFecModelOptions()).Validated(), validated: true)
    {
    }

    private QdmaFecModel(QdmaFecModelOptions options, bool validated)
        : base(ToUacceOptions(options))
    {
        Debug.Assert(validated, "Only the public constructor calls this one, with a validated copy.");
        FecOptions = options;
        _layout = QdmaDusLayout.For(options.H2cRingSize, options.C2hRingSize, options.CmptRingSize);
    }

    /// <summary>The card's options (a validated copy; changing it has no effect).</summary>
    public QdmaFecModelOptions FecOptions { get; }

    /// <summary>Whether the engines are paused.</summary>
    public bool IsPaused => Volatile.Read(ref _paused) != 0;

    /// <summary>Jobs completed so far (any status).</summary>
    public long JobsCompleted => Interlocked.Read(ref _jobs);

    /// <summary>Jobs completed with a descriptor, DMA, parameter or engine error.</summary>
    public long JobsFailed => Interlocked.Read(ref _failedJobs);

    internal QdmaDusLayout Layout => _layout;

    /// <summary>Stops every engine fetching new jobs (completions already computed are still delivered); nothing is lost.</summary>
    public void Pause() => Volatile.Write(ref _paused, 1);

    /// <summary>Lets the engines fetch jobs again.</summary>
    public void Resume() => Volatile.Write(ref _paused, 0);

    /// <summary>The next <paramref name="jobs"/> jobs (on any queue) complete with an engine error and produce no output.</summary>
    public void InjectEngineErrors(int jobs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jobs);
        Interlocked.Add(ref _engineErrors, jobs);
    }

    /// <summary>
    /// The next engine poll of a started queue faults, as the card raising a fatal error: that queue gets its reset
    /// words set and is stopped; the driver must fail what it had in flight and reopen the queue.
    /// </summary>
    public void InjectEngineFault() => Interlocked.Increment(ref _engineFaults);

    /// <inheritdoc />
    protected override UacceModelQueue CreateQueue(UacceModelQueueContext context) => new QdmaFecModelQueue(context, this);

    internal bool TakeEngineError() => TakeOne(ref _engineErrors);

    internal bool TakeEngineFault() => TakeOne(ref _engineFaults);

    internal void CountJob(bool failed)
    {
        Interlocked.Increment(ref _jobs);
        if (failed)
        {
            Interlocked.Increment(ref _failedJobs);
        }
    }

    private static bool TakeOne(ref int counter)
    {
        int value;
        do
        {
            value = Volatile.Read(ref counter);
            if (value == 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref counter, value - 1, value) != value);

        return true;
    }

    private static UacceDeviceModelOptions ToUacceOptions(QdmaFecModelOptions o)
    {
        QdmaDusLayout layout = QdmaDusLayout.For(o.H2cRingSize, o.C2hRingSize, o.CmptRingSize);

        // A parked engine re-polls after this interval; with a modelled latency, poll often enough to honour it.
        TimeSpan poll = o.EngineLatency > TimeSpan.Zero
            ? TimeSpan.FromTicks(Math.Clamp(o.EngineLatency.Ticks / 4, TimeSpan.FromMicroseconds(50).Ticks, TimeSpan.TicksPerMillisecond))
            : TimeSpan.FromMilliseconds(1);
        var options = new UacceDeviceModelOptions
        {
            InterfaceName = QdmaFecApi.InterfaceName,
            Api = QdmaFecApi.Api,
            Flags = o.NoIommu ? UacceDeviceFlags.NoIommu : UacceDeviceFlags.Sva,
            QueueCount = o.QueueCount,
            EngineCount = o.EngineCount,
            MmioRegionSize = Environment.SystemPageSize,
            DusRegionSize = layout.DusSize,
            NumaNode = o.NumaNode,
            RequireRegisteredMemory = o.RequireRegisteredMemory,
            IdlePollInterval = poll,
            IdleSpinCount = o.EngineIdleSpins,
        };
        if (o.EnableEncoder)
        {
            options.Algorithms.Add(QdmaFecApi.LdpcEncode);
        }

        if (o.EnableDecoder)
        {
            options.Algorithms.Add(QdmaFecApi.LdpcDecode);
        }

        // The same pipelines run the LTE turbo jobs.
        if (o.EnableEncoder)
        {
            options.Algorithms.Add(QdmaFecApi.TurboEncode);
        }

        if (o.EnableDecoder)
        {
            options.Algorithms.Add(QdmaFecApi.TurboDecode);
        }

        return options;
    }
}
