using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using AccelSdk.Bbdev;
using AccelSdk.Core.Devices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VranPipeline.Configuration;
using VranPipeline.Radio;
using VranPipeline.Scheduling;

namespace VranPipeline.Pipeline;

/// <summary>
/// A multi-cell LDPC link pipeline on a bbdev device, the way a DU's L1 drives one: per cell and slot, transport
/// blocks are CRC-protected, encoded on the cell's downlink queue, modulated, sent through an AWGN channel,
/// demodulated to LLRs, decoded with HARQ combining on the cell's uplink queue, and checked; cells are spread over
/// lcores (worker threads), and every slot's processing time is held against the slot duration.
/// </summary>
public sealed class L1Pipeline
{
    private readonly IOptions<PipelineOptions> _options;
    private readonly DeviceRegistry _registry;
    private readonly ILogger _logger;

    /// <summary>Creates the pipeline over the SDK's device registry (resolve it from DI after <c>AddVranPipeline</c>).</summary>
    public L1Pipeline(IOptions<PipelineOptions> options, DeviceRegistry registry, ILogger<L1Pipeline>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        _options = options;
        _registry = registry;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Runs the configured slots on every cell, then the retransmissions still pending, and returns the per-cell and
    /// per-UE results. The device's queues are set up for the run (two per cell) and the device is stopped after it.
    /// </summary>
    /// <param name="observer">Receives slot and transport-block events on the lcore threads, or null.</param>
    /// <param name="cancellationToken">Stops the run at the next slot boundary.</param>
    /// <exception cref="PipelineConfigurationException">An option is invalid, or the device cannot run the pipeline (the message names the option, value and range).</exception>
    /// <exception cref="TimeoutException">The device did not return ops in time.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public PipelineResult Run(IPipelineObserver? observer = null, CancellationToken cancellationToken = default)
    {
        PipelineOptions options = _options.Value.Clone();
        PipelineOptionsValidator.ThrowIfInvalid(options);
        Grant grant = Grant.Create(options);
        BbdevDevice device = ResolveDevice(options.Device);
        LdpcDecCapability decoder = CheckDevice(device, options, grant);

        // The device's LLR format (LlrDecimals) is the scale its decoder is built for: true LLRs in it need no gain.
        var demodulator = new SoftDemodulator(decoder.LlrSize, decoder.LlrDecimals, (float)options.LlrGain);

        int queueSize = (int)Math.Min(device.Info.QueueSizeLimit,
            System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(options.BurstSize, CellProcessor.OpsPerSlot(options, grant.Layout))));
        device.Stop();
        device.SetupQueues(2 * options.Cells);
        for (int cell = 0; cell < options.Cells; cell++)
        {
            device.ConfigureQueue(2 * cell, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = queueSize });
            device.ConfigureQueue((2 * cell) + 1, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = queueSize });
        }

        PipelineLog.Starting(_logger, device.Name, device.DriverName, device.Info.Engine, options.Cells, options.UesPerCell, options.Lcores,
            2 * options.Cells, queueSize, options.Slots, options.SnrDb);
        LogGrant(grant, options);
        var cells = new CellProcessor[options.Cells];
        try
        {
            for (int cell = 0; cell < cells.Length; cell++)
            {
                cells[cell] = new CellProcessor(cell, cell % options.Lcores, options, grant, device, demodulator, _logger);
            }

            device.Start();
            long start = Stopwatch.GetTimestamp();
            double[] busy = RunLcores(cells, options, observer, cancellationToken);
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var result = new PipelineResult
            {
                Options = options,
                Grant = grant,
                Device = device.Name,
                Driver = device.DriverName,
                Engine = device.Info.Engine,
                Cells = cells.Select(c => c.ToResult()).ToArray(),
                WallSeconds = wall,
                BusiestLcoreSeconds = busy.Max() / 1e6,
            };
            foreach (CellResult cell in result.Cells)
            {
                PipelineLog.CellSummary(_logger, cell.Cell, cell.TransportBlocks, cell.FirstTransmissionBler, cell.ResidualBler, cell.RecoveredByHarq,
                    cell.GoodputMbps, cell.SlotTimes.MedianMicroseconds, cell.SlotTimes.P99Microseconds, cell.SlotTimes.MaxMicroseconds,
                    cell.SlotTimes.Missed, cell.SlotTimes.Count, cell.SlotTimes.DeadlineMicroseconds);
            }

            return result;
        }
        finally
        {
            device.Stop();
            foreach (CellProcessor? cell in cells)
            {
                cell?.Dispose();
            }
        }
    }

    private static double[] RunLcores(CellProcessor[] cells, PipelineOptions options, IPipelineObserver? observer, CancellationToken cancellationToken)
    {
        int lcores = options.Lcores;
        var busy = new double[lcores];
        var errors = new Exception?[lcores];
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var threads = new Thread[lcores];
        for (int l = 0; l < lcores; l++)
        {
            int lcore = l;
            CellProcessor[] mine = cells.Where(c => c.Lcore == lcore).ToArray();
            threads[l] = new Thread(() =>
            {
                try
                {
                    busy[lcore] = RunSlots(mine, options.SlotClock == SlotClock.ThreadCpu, observer, failed.Token);
                }
                catch (Exception ex)
                {
                    errors[lcore] = ex;
                    failed.Cancel();
                }
            })
            {
                Name = $"lcore{lcore}",
                IsBackground = true,
            };
        }

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Exception? error = errors.FirstOrDefault(e => e is not null and not OperationCanceledException) ?? errors.FirstOrDefault(e => e is not null);
        if (error is not null)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return busy;
    }

    /// <summary>One lcore's loop: every slot, the stages of all its cells in turn; returns the microseconds spent in slot processing.</summary>
    private static double RunSlots(CellProcessor[] cells, bool threadCpu, IPipelineObserver? observer, CancellationToken cancellationToken)
    {
        var active = new List<CellProcessor>(cells.Length);
        double busy = 0;
        for (int slot = 0; ; slot++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            active.Clear();
            foreach (CellProcessor cell in cells)
            {
                if (cell.HasWork(slot))
                {
                    active.Add(cell);
                }
            }

            if (active.Count == 0)
            {
                return busy;
            }

            foreach (CellProcessor cell in active)
            {
                cell.Prepare(slot);
            }

            long slotStart = ThreadCpuClock.Now(threadCpu);
            foreach (CellProcessor cell in active)
            {
                cell.SubmitEncode();
            }

            foreach (CellProcessor cell in active)
            {
                cell.CompleteEncode();
            }

            foreach (CellProcessor cell in active)
            {
                cell.CompleteDecode(slot, slotStart, observer);
            }

            busy += (ThreadCpuClock.Now(threadCpu) - slotStart) / 1e3;
        }
    }

    private BbdevDevice ResolveDevice(string name)
    {
        try
        {
            return _registry.Get<BbdevDevice>(name);
        }
        catch (KeyNotFoundException)
        {
            string[] names = _registry.Devices.OfType<BbdevDevice>().Select(d => d.Name).ToArray();
            throw Error(nameof(PipelineOptions.Device), name,
                $"is not a baseband device here: allowed {(names.Length == 0 ? "none (no bbdev device was created)" : string.Join(", ", names))} or their driver names");
        }
    }

    /// <summary>Checks what the pipeline needs from the device, naming the option that asks for it.</summary>
    private static LdpcDecCapability CheckDevice(BbdevDevice device, PipelineOptions options, Grant grant)
    {
        BbdevDriverInfo info = device.Info;
        if (info.FindCapability(BbdevOpType.LdpcEnc) is not LdpcEncCapability encoder || info.FindCapability(BbdevOpType.LdpcDec) is not LdpcDecCapability decoder)
        {
            throw Error(nameof(PipelineOptions.Device), options.Device,
                $"cannot run the pipeline: device {device.Name} ({device.DriverName}) needs LDPC encode and decode; it supports {(info.Capabilities.Count == 0 ? "none" : string.Join(", ", info.Capabilities.Select(c => c.OpType)))}");
        }

        if (2 * options.Cells > info.MaxQueues)
        {
            throw Error(nameof(PipelineOptions.Cells), options.Cells,
                $"is out of range: allowed [1, {info.MaxQueues / 2}] on device {device.Name}, which has {info.MaxQueues} queues (two per cell)");
        }

        if (options.IterMax > decoder.MaxIterations)
        {
            throw Error(nameof(PipelineOptions.IterMax), options.IterMax, $"is out of range: allowed [1, {decoder.MaxIterations}] on device {device.Name}");
        }

        int c = grant.Layout.CodeBlocks;
        LdpcEncFlags encodeNeeds = LdpcEncFlags.RateMatch | (c > 1 ? LdpcEncFlags.Crc24BAttach : LdpcEncFlags.Crc24AAttach | LdpcEncFlags.Crc16Attach);
        LdpcDecFlags decodeNeeds = LdpcDecFlags.IterationStopEnable | LdpcDecFlags.HqCombineInEnable | LdpcDecFlags.HqCombineOutEnable
            | (c > 1 ? LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop : LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc16Check);
        LdpcEncFlags encodeMissing = encodeNeeds & ~encoder.CapabilityFlags;
        LdpcDecFlags decodeMissing = decodeNeeds & ~decoder.CapabilityFlags;
        if (encodeMissing != 0 || decodeMissing != 0)
        {
            throw Error(nameof(PipelineOptions.Device), options.Device,
                $"cannot run the pipeline: device {device.Name} lacks {(encodeMissing != 0 ? $"encoder flags {encodeMissing}" : "")}{(encodeMissing != 0 && decodeMissing != 0 ? " and " : "")}{(decodeMissing != 0 ? $"decoder flags {decodeMissing}" : "")}");
        }

        if (options.EncodeMode == EncodeMode.TransportBlock && c > encoder.NumBuffersSrc)
        {
            throw Error(nameof(PipelineOptions.EncodeMode), options.EncodeMode,
                $"needs {c} code blocks per encode op; device {device.Name} takes at most {encoder.NumBuffersSrc}: allowed CodeBlock");
        }

        return decoder;
    }

    private void LogGrant(Grant grant, PipelineOptions options)
    {
        var layout = grant.Layout;
        string mcs = grant.Mcs is int m ? string.Create(CultureInfo.InvariantCulture, $"MCS {m} of table {options.McsTable}") : "given directly";
        PipelineLog.GrantChosen(_logger, grant.TransportBlockBits, mcs, grant.Modulation.ToString(), grant.Prbs, grant.CodedBits, grant.EffectiveCodeRate,
            layout.BaseGraph, layout.CodeBlocks, layout.KPrime, layout.Zc, layout.FillerBits, layout.Ea, layout.Eb, options.EncodeMode.ToString());
    }

    private static PipelineConfigurationException Error(string option, object value, string problem) =>
        new(new PipelineOptionError(option, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", problem));
}
