using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>The <c>baseband_sw</c> device: LDPC encode and decode on the CPU with the SIMD kernels of src/Bbdev/Fec.</summary>
internal sealed class SoftwareDeviceOperations : BbdevDeviceOperations
{
    /// <summary>Encoder flags the software path implements.</summary>
    internal const LdpcEncFlags EncoderFlags = LdpcEncFlags.RateMatch | LdpcEncFlags.InterleaverBypass | LdpcEncFlags.Crc24AAttach
        | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc16Attach | LdpcEncFlags.EncScatterGather;

    /// <summary>Decoder flags the software path implements.</summary>
    internal const LdpcDecFlags DecoderFlags = LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop
        | LdpcDecFlags.Crc16Check | LdpcDecFlags.DeinterleaverBypass | LdpcDecFlags.HqCombineInEnable | LdpcDecFlags.HqCombineOutEnable
        | LdpcDecFlags.DecodeBypass | LdpcDecFlags.IterationStopEnable | LdpcDecFlags.DecInterrupts | LdpcDecFlags.DecScatterGather;

    private readonly SoftwareDeviceOptions _options;
    private readonly string _deviceName;
    private readonly LdpcEncCapability _encoder;
    private readonly LdpcDecCapability _decoder;

    public SoftwareDeviceOperations(string deviceName, SoftwareDeviceOptions options)
    {
        _deviceName = deviceName;
        _options = options;
        SimdWidth width = SimdSupport.Resolve(options.Simd);
        _encoder = new LdpcEncCapability { CapabilityFlags = EncoderFlags, NumBuffersSrc = BbdevOpValidator.MaxCodeBlocks, NumBuffersDst = BbdevOpValidator.MaxCodeBlocks };
        _decoder = new LdpcDecCapability
        {
            CapabilityFlags = DecoderFlags,
            LlrSize = 8,
            LlrDecimals = 1,
            LlrScale = LdpcDecoder.LlrScale,
            MaxIterations = LdpcDecoder.MaxIterationsLimit,
            NumBuffersSrc = BbdevOpValidator.MaxCodeBlocks,
            NumBuffersHardOut = BbdevOpValidator.MaxCodeBlocks,
        };
        Info = new BbdevDriverInfo
        {
            DriverName = BasebandSwDriver.DriverName,
            MaxQueues = options.MaxQueues,
            QueueSizeLimit = 16384,
            DefaultQueueConfig = new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 1024 },
            MinAlignment = 64,
            Capabilities = [_encoder, _decoder],
            Engine = $"CPU {Describe(width)}, {(options.Workers ? "worker thread per queue" : "synchronous in enqueue")}",
        };
    }

    public override BbdevDriverInfo Info { get; }

    public override int NumaNode => _options.Socket;

    public override BbdevQueue CreateQueue(int queueId, BbdevQueueConfig config)
    {
        LdpcCodeBlockEngine engine = LdpcCodeBlockEngine.Create(_options.Simd);
        return config.OpType switch
        {
            BbdevOpType.LdpcEnc => new SoftwareBbdevQueue<LdpcEncOp>(queueId, config, new LdpcEncProcessor(_encoder, engine), _options.Workers, _options.WorkerSpin, _deviceName),
            BbdevOpType.LdpcDec => new SoftwareBbdevQueue<LdpcDecOp>(queueId, config, new LdpcDecProcessor(_decoder, engine), _options.Workers, _options.WorkerSpin, _deviceName),
            _ => throw new InvalidOperationException($"{BasebandSwDriver.DriverName} has no queue for {config.OpType}."),
        };
    }

    private static string Describe(SimdWidth width) => width switch
    {
        SimdWidth.V512 => "512-bit SIMD" + (SimdSupport.IsAccelerated(SimdWidth.V512) ? "" : " (emulated)"),
        SimdWidth.V256 => "256-bit SIMD" + (SimdSupport.IsAccelerated(SimdWidth.V256) ? "" : " (emulated)"),
        SimdWidth.V128 => "128-bit SIMD" + (SimdSupport.IsAccelerated(SimdWidth.V128) ? "" : " (emulated)"),
        _ => "scalar reference",
    };
}
