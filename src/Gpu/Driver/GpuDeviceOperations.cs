using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Gpu.Runtime;
using Microsoft.Extensions.Logging;

namespace AccelSdk.Gpu.Driver;

/// <summary>
/// The <c>baseband_gpu</c> device: owns the accelerator (created at device creation, so a missing CUDA device is a
/// one-line error there) and creates batching queues over it.
/// </summary>
internal sealed class GpuDeviceOperations : BbdevDeviceOperations
{
    /// <summary>Encoder flags (the same set as <c>baseband_sw</c>: both run the same reference code).</summary>
    internal const LdpcEncFlags EncoderFlags = LdpcEncFlags.RateMatch | LdpcEncFlags.InterleaverBypass | LdpcEncFlags.Crc24AAttach
        | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc16Attach | LdpcEncFlags.EncScatterGather;

    /// <summary>Decoder flags the GPU path implements.</summary>
    internal const LdpcDecFlags DecoderFlags = LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop
        | LdpcDecFlags.Crc16Check | LdpcDecFlags.DeinterleaverBypass | LdpcDecFlags.HqCombineInEnable | LdpcDecFlags.HqCombineOutEnable
        | LdpcDecFlags.DecodeBypass | LdpcDecFlags.IterationStopEnable | LdpcDecFlags.DecInterrupts | LdpcDecFlags.DecScatterGather;

    private readonly GpuDeviceOptions _options;
    private readonly string _deviceName;
    private readonly ILogger _logger;
    private readonly LdpcEncCapability _encoder;
    private readonly LdpcDecCapability _decoder;

    public GpuDeviceOperations(string deviceName, GpuDeviceOptions options, ILogger logger)
    {
        _deviceName = deviceName;
        _options = options;
        _logger = logger;
        Host = GpuAcceleratorHost.Create(options, logger, deviceName);
        GpuLog.Started(logger, deviceName, Host.Description);
        _encoder = new LdpcEncCapability { CapabilityFlags = EncoderFlags, NumBuffersSrc = BbdevOpValidator.MaxCodeBlocks, NumBuffersDst = BbdevOpValidator.MaxCodeBlocks };
        _decoder = new LdpcDecCapability
        {
            CapabilityFlags = DecoderFlags,
            LlrSize = 8,
            LlrDecimals = 1,
            MaxIterations = LdpcDecoder.MaxIterationsLimit,
            NumBuffersSrc = BbdevOpValidator.MaxCodeBlocks,
            NumBuffersHardOut = BbdevOpValidator.MaxCodeBlocks,
        };
        Info = new BbdevDriverInfo
        {
            DriverName = BasebandGpuDriver.DriverName,
            MaxQueues = options.MaxQueues,
            QueueSizeLimit = 16384,
            DefaultQueueConfig = new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 1024 },
            MinAlignment = 64,
            Capabilities = [_encoder, _decoder],
            Engine = $"{Host.Description}; decode kernel batches of up to {options.MaxCodeBlocksPerBatch} code blocks, "
                + $"{options.StreamCount} streams per queue, max wait {options.MaxWaitMicroseconds} µs; encode on the host",
        };
    }

    /// <summary>The accelerator the device runs on.</summary>
    public GpuAcceleratorHost Host { get; }

    public override BbdevDriverInfo Info { get; }

    public override string Location => Host.IsCuda ? $"cuda:{_options.CudaDeviceIndex}" : "vdev";

    public override BbdevQueue CreateQueue(int queueId, BbdevQueueConfig config) => config.OpType switch
    {
        BbdevOpType.LdpcDec => new GpuBatchQueue<LdpcDecOp>(queueId, config,
            new GpuLdpcDecProcessor(Host, _decoder, _options.StreamCount, config.QueueSize), _options, _deviceName, _logger),
        BbdevOpType.LdpcEnc => new GpuBatchQueue<LdpcEncOp>(queueId, config, new GpuLdpcEncProcessor(_encoder), _options, _deviceName, _logger),
        _ => throw new InvalidOperationException($"{BasebandGpuDriver.DriverName} has no queue for {config.OpType}."),
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Host.Dispose();
        }

        base.Dispose(disposing);
    }
}
