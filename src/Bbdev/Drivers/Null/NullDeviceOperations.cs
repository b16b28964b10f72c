using AccelSdk.Bbdev.Driver;

namespace AccelSdk.Bbdev.Drivers.Null;

/// <summary>The null device (DPDK's <c>baseband_null</c>): no capabilities, queues of any op type, ops returned untouched.</summary>
internal sealed class NullDeviceOperations(int maxQueues, int socket) : BbdevDeviceOperations
{
    public override BbdevDriverInfo Info { get; } = new()
    {
        DriverName = BasebandNullDriver.DriverName,
        MaxQueues = maxQueues,
        QueueSizeLimit = 16384,
        DefaultQueueConfig = new BbdevQueueConfig { OpType = BbdevOpType.None, QueueSize = 16384 },
        Engine = "none (ops are returned untouched)",
    };

    public override int NumaNode => socket;

    public override BbdevQueue CreateQueue(int queueId, BbdevQueueConfig config) => config.OpType switch
    {
        BbdevOpType.None => new NullBbdevQueue<BbdevOp>(queueId, config),
        BbdevOpType.LdpcEnc => new NullBbdevQueue<LdpcEncOp>(queueId, config),
        BbdevOpType.LdpcDec => new NullBbdevQueue<LdpcDecOp>(queueId, config),
        BbdevOpType.TurboEnc => new NullBbdevQueue<TurboEncOp>(queueId, config),
        BbdevOpType.TurboDec => new NullBbdevQueue<TurboDecOp>(queueId, config),
        BbdevOpType.Fft => new NullBbdevQueue<FftOp>(queueId, config),
        _ => throw new InvalidOperationException($"baseband_null has no queue for op type {config.OpType}."),
    };
}
