using System.Globalization;
using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Qdma.Queues;
using AccelSdk.Uacce;
using AccelSdk.Uacce.Drivers;
using Microsoft.Extensions.Logging;

namespace AccelSdk.Qdma.Baseband;

/// <summary>
/// One <c>baseband_qdma</c> device: a UACCE device of the QDMA FEC api. Each bbdev queue opens its own hardware
/// queue (one QDMA queue set) when it is configured; the capabilities are what the device reported for its queues,
/// limited to what this driver implements.
/// </summary>
internal sealed class QdmaDevice : BbdevDeviceOperations
{
    /// <summary>
    /// Encoder flags the driver implements: those of <c>baseband_sw</c> (scatter-gather only when the device has it),
    /// and dequeue interrupts (the device's completion event, armed by the driver).
    /// </summary>
    public const LdpcEncFlags DriverEncodeFlags =
        LdpcEncFlags.RateMatch | LdpcEncFlags.Crc24AAttach | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc16Attach
        | LdpcEncFlags.InterleaverBypass | LdpcEncFlags.EncScatterGather | LdpcEncFlags.EncInterrupts;

    /// <summary>Decoder flags the driver implements.</summary>
    public const LdpcDecFlags DriverDecodeFlags =
        LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc16Check | LdpcDecFlags.Crc24BDrop
        | LdpcDecFlags.DeinterleaverBypass | LdpcDecFlags.HqCombineInEnable | LdpcDecFlags.HqCombineOutEnable
        | LdpcDecFlags.DecodeBypass | LdpcDecFlags.IterationStopEnable | LdpcDecFlags.DecScatterGather | LdpcDecFlags.DecInterrupts;

    /// <summary>Turbo encoder flags the driver implements (those of <c>baseband_sw</c>, and dequeue interrupts).</summary>
    public const TurboEncFlags DriverTurboEncodeFlags =
        TurboEncFlags.RvIndexBypass | TurboEncFlags.RateMatch | TurboEncFlags.Crc24BAttach | TurboEncFlags.Crc24AAttach
        | TurboEncFlags.EncScatterGather | TurboEncFlags.EncInterrupts;

    /// <summary>Turbo decoder flags the driver implements.</summary>
    public const TurboDecFlags DriverTurboDecodeFlags =
        TurboDecFlags.SubblockDeinterleave | TurboDecFlags.CrcType24B | TurboDecFlags.SoftOutSaturate | TurboDecFlags.SoftOutput
        | TurboDecFlags.EarlyTermination | TurboDecFlags.PosLlr1BitIn | TurboDecFlags.NegLlr1BitIn | TurboDecFlags.PosLlr1BitSoftOut
        | TurboDecFlags.NegLlr1BitSoftOut | TurboDecFlags.DecScatterGather | TurboDecFlags.DecTbCrc24BKeep | TurboDecFlags.DecCrc24BDrop
        | TurboDecFlags.DecInterrupts;

    private readonly UacceDeviceContext _context;

    public QdmaDevice(UacceDeviceContext context, in QdmaQueueGeometry geometry, int maxQueues, TimeSpan stopTimeout)
    {
        _context = context;
        Name = context.Device.Name;
        Logger = context.LoggerFactory.CreateLogger<BasebandQdmaDriver>();
        StopTimeout = stopTimeout;
        Memory = new QdmaMemoryMap(context.AddressSpace);
        bool scatterGather = (geometry.Features & QdmaFeatures.ScatterGather) != 0;
        bool transportBlocks = (geometry.Features & QdmaFeatures.TransportBlock) != 0;
        int blocks = transportBlocks ? BbdevOpValidator.MaxCodeBlocks : 1;
        var capabilities = new List<BbdevOpCapability>();
        if ((geometry.Features & QdmaFeatures.LdpcEncode) != 0)
        {
            // Interrupts are the driver's (the device's event plus an event thread), not an engine flag.
            LdpcEncFlags flags = ((LdpcEncFlags)geometry.EncodeFlags | LdpcEncFlags.EncInterrupts) & DriverEncodeFlags;
            capabilities.Add(new LdpcEncCapability
            {
                CapabilityFlags = scatterGather ? flags : flags & ~LdpcEncFlags.EncScatterGather,
                NumBuffersSrc = blocks,
                NumBuffersDst = blocks,
            });
        }

        if ((geometry.Features & QdmaFeatures.LdpcDecode) != 0)
        {
            LdpcDecFlags flags = ((LdpcDecFlags)geometry.DecodeFlags | LdpcDecFlags.DecInterrupts) & DriverDecodeFlags;
            capabilities.Add(new LdpcDecCapability
            {
                CapabilityFlags = scatterGather ? flags : flags & ~LdpcDecFlags.DecScatterGather,
                LlrSize = geometry.LlrSize,
                LlrDecimals = geometry.LlrDecimals,

                MaxIterations = geometry.MaxIterations,
                NumBuffersSrc = blocks,
                NumBuffersHardOut = blocks,
                NumBuffersSoftOut = 0,
            });
        }

        int turboBlocks = transportBlocks ? BbdevOpValidator.MaxTurboCodeBlocks : 1;
        if ((geometry.Features & QdmaFeatures.TurboEncode) != 0)
        {
            TurboEncFlags flags = ((TurboEncFlags)geometry.TurboEncodeFlags | TurboEncFlags.EncInterrupts) & DriverTurboEncodeFlags;
            capabilities.Add(new TurboEncCapability
            {
                CapabilityFlags = scatterGather ? flags : flags & ~TurboEncFlags.EncScatterGather,
                NumBuffersSrc = turboBlocks,
                NumBuffersDst = turboBlocks,
            });
        }

        if ((geometry.Features & QdmaFeatures.TurboDecode) != 0)
        {
            TurboDecFlags flags = ((TurboDecFlags)geometry.TurboDecodeFlags | TurboDecFlags.DecInterrupts) & DriverTurboDecodeFlags;
            capabilities.Add(new TurboDecCapability
            {
                CapabilityFlags = scatterGather ? flags : flags & ~TurboDecFlags.DecScatterGather,
                MaxLlrModulus = 127,
                MaxIterations = Math.Min((int)geometry.MaxIterations, BbdevOpValidator.MaxTurboIterations),
                NumBuffersSrc = turboBlocks,
                NumBuffersHardOut = turboBlocks,
                NumBuffersSoftOut = turboBlocks,
            });
        }

        // A queue holds at most as many jobs as its completion ring can: size − 2 entries outstanding.
        int queueLimit = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(geometry.CmptRingSize - 1)) >> 1;
        Info = new BbdevDriverInfo
        {
            DriverName = BasebandQdmaDriver.DriverName,
            MaxQueues = maxQueues,
            QueueSizeLimit = queueLimit,
            DefaultQueueConfig = new BbdevQueueConfig
            {
                OpType = capabilities.Count > 0 ? capabilities[0].OpType : BbdevOpType.None,
                QueueSize = Math.Min(1024, queueLimit),
            },
            HardwareAccelerated = true,
            MinAlignment = 64,
            HarqBufferSizeKb = 0,
            Capabilities = capabilities,
            Engine = string.Create(CultureInfo.InvariantCulture,
                $"QDMA FEC queues on UACCE {Name} ({(context.AddressMode == UacceAddressMode.Sva ? "SVA" : "no IOMMU")}; rings H2C {geometry.H2cRingSize}, C2H {geometry.C2hRingSize}, CMPT {geometry.CmptRingSize})"),
        };
        QdmaLog.Probed(Logger, Name, Info.Engine, string.Join("; ", capabilities));
    }

    /// <summary>The device name (the UACCE device's name).</summary>
    public string Name { get; }

    /// <summary>The driver's logger.</summary>
    public ILogger Logger { get; }

    /// <summary>How long a queue stop waits for the device to finish the jobs in flight.</summary>
    public TimeSpan StopTimeout { get; }

    /// <summary>The buffer pools registered with the device.</summary>
    public QdmaMemoryMap Memory { get; }

    /// <inheritdoc />
    public override BbdevDriverInfo Info { get; }

    /// <inheritdoc />
    public override int NumaNode => _context.Device.NumaNode;

    /// <inheritdoc />
    public override string Location => _context.Device.Location;

    /// <inheritdoc />
    public override BbdevQueue CreateQueue(int queueId, BbdevQueueConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        BbdevOpCapability capability = Info.FindCapability(config.OpType)
            ?? throw new InvalidOperationException($"Device {Name}: baseband_qdma has no {config.OpType} queues.");
        return capability switch
        {
            LdpcEncCapability enc => new QdmaLdpcEncQueue(queueId, config, this, enc),
            LdpcDecCapability dec => new QdmaLdpcDecQueue(queueId, config, this, dec),
            TurboEncCapability enc => new QdmaTurboEncQueue(queueId, config, this, enc),
            TurboDecCapability dec => new QdmaTurboDecQueue(queueId, config, this, dec),
            _ => throw new InvalidOperationException($"Device {Name}: baseband_qdma has no {config.OpType} queues."),
        };
    }

    /// <summary>Opens and starts a hardware queue for bbdev queue <paramref name="queueId"/>.</summary>
    /// <exception cref="InvalidOperationException">No hardware queue is free, or the queue is unusable; the message says why.</exception>
    public QdmaQueuePair OpenQueuePair(int queueId)
    {
        try
        {
            return QdmaQueuePair.Open(_context);
        }
        catch (UacceException ex)
        {
            throw new InvalidOperationException($"Device {Name}: cannot open a hardware queue for bbdev queue {queueId}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Memory.Dispose();
        }

        base.Dispose(disposing);
    }
}
