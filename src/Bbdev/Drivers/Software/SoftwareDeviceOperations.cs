using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Bbdev.Fec.Turbo;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>The <c>baseband_sw</c> device: LDPC and LTE turbo encode and decode on the CPU with the SIMD kernels of src/Bbdev/Fec.</summary>
internal sealed class SoftwareDeviceOperations : BbdevDeviceOperations
{
    /// <summary>Encoder flags the software path implements.</summary>
    internal const LdpcEncFlags EncoderFlags = LdpcEncFlags.RateMatch | LdpcEncFlags.InterleaverBypass | LdpcEncFlags.Crc24AAttach
        | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc16Attach | LdpcEncFlags.EncScatterGather;

    /// <summary>Decoder flags the software path implements.</summary>
    internal const LdpcDecFlags DecoderFlags = LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop
        | LdpcDecFlags.Crc16Check | LdpcDecFlags.DeinterleaverBypass | LdpcDecFlags.HqCombineInEnable | LdpcDecFlags.HqCombineOutEnable
        | LdpcDecFlags.DecodeBypass | LdpcDecFlags.IterationStopEnable | LdpcDecFlags.DecInterrupts | LdpcDecFlags.DecScatterGather;

    /// <summary>Turbo encoder flags the software path implements.</summary>
    internal const TurboEncFlags TurboEncoderFlags = TurboEncFlags.RvIndexBypass | TurboEncFlags.RateMatch | TurboEncFlags.Crc24BAttach
        | TurboEncFlags.Crc24AAttach | TurboEncFlags.EncScatterGather;

    /// <summary>
    /// Turbo decoder flags the software path implements. Soft output is always saturated to ±127, so SOFT_OUT_SATURATE
    /// holds whether or not an op sets it.
    /// </summary>
    internal const TurboDecFlags TurboDecoderFlags = TurboDecFlags.SubblockDeinterleave | TurboDecFlags.CrcType24B
        | TurboDecFlags.SoftOutSaturate | TurboDecFlags.SoftOutput | TurboDecFlags.EarlyTermination | TurboDecFlags.DecInterrupts
        | TurboDecFlags.PosLlr1BitIn | TurboDecFlags.NegLlr1BitIn | TurboDecFlags.PosLlr1BitSoftOut | TurboDecFlags.NegLlr1BitSoftOut
        | TurboDecFlags.DecScatterGather | TurboDecFlags.DecTbCrc24BKeep | TurboDecFlags.DecCrc24BDrop;

    private readonly SoftwareDeviceOptions _options;
    private readonly string _deviceName;
    private readonly LdpcEncCapability _encoder;
    private readonly LdpcDecCapability _decoder;
    private readonly TurboEncCapability _turboEncoder;
    private readonly TurboDecCapability _turboDecoder;

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
            LlrDecimals = LdpcDecoder.LlrDecimals,
            MaxIterations = LdpcDecoder.MaxIterationsLimit,
            NumBuffersSrc = BbdevOpValidator.MaxCodeBlocks,
            NumBuffersHardOut = BbdevOpValidator.MaxCodeBlocks,
        };
        _turboEncoder = new TurboEncCapability
        {
            CapabilityFlags = TurboEncoderFlags,
            NumBuffersSrc = BbdevOpValidator.MaxTurboCodeBlocks,
            NumBuffersDst = BbdevOpValidator.MaxTurboCodeBlocks,
        };
        _turboDecoder = new TurboDecCapability
        {
            CapabilityFlags = TurboDecoderFlags,
            MaxLlrModulus = 127,
            MaxIterations = BbdevOpValidator.MaxTurboIterations,
            NumBuffersSrc = BbdevOpValidator.MaxTurboCodeBlocks,
            NumBuffersHardOut = BbdevOpValidator.MaxTurboCodeBlocks,
            NumBuffersSoftOut = BbdevOpValidator.MaxTurboCodeBlocks,
        };
        Info = new BbdevDriverInfo
        {
            DriverName = BasebandSwDriver.DriverName,
            MaxQueues = options.MaxQueues,
            QueueSizeLimit = 16384,
            DefaultQueueConfig = new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 1024 },
            MinAlignment = 64,
            Capabilities = [_encoder, _decoder, _turboEncoder, _turboDecoder],
            Engine = $"CPU {Describe(width)}, {(options.Workers ? "worker thread per queue" : "synchronous in enqueue")}",
        };
    }

    public override BbdevDriverInfo Info { get; }

    public override int NumaNode => _options.Socket;

    public override BbdevQueue CreateQueue(int queueId, BbdevQueueConfig config)
    {
        return config.OpType switch
        {
            BbdevOpType.LdpcEnc => new SoftwareBbdevQueue<LdpcEncOp>(queueId, config, new LdpcEncProcessor(_encoder, LdpcCodeBlockEngine.Create(_options.Simd)), _options.Workers, _options.WorkerSpin, _deviceName),
            BbdevOpType.LdpcDec => new SoftwareBbdevQueue<LdpcDecOp>(queueId, config, new LdpcDecProcessor(_decoder, LdpcCodeBlockEngine.Create(_options.Simd)), _options.Workers, _options.WorkerSpin, _deviceName),
            BbdevOpType.TurboEnc => new SoftwareBbdevQueue<TurboEncOp>(queueId, config, new TurboEncProcessor(_turboEncoder, TurboCodeBlockEngine.Create(_options.Simd)), _options.Workers, _options.WorkerSpin, _deviceName),
            BbdevOpType.TurboDec => new SoftwareBbdevQueue<TurboDecOp>(queueId, config, new TurboDecProcessor(_turboDecoder, TurboCodeBlockEngine.Create(_options.Simd)), _options.Workers, _options.WorkerSpin, _deviceName),
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
