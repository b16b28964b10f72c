using Microsoft.Extensions.Logging;

namespace AccelSdk.Qdma.Baseband;

/// <summary>The driver's log messages: the control path, and data-path events that happen once per queue failure.</summary>
internal static partial class QdmaLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "baseband_qdma: {Device}: {Engine}; {Capabilities}")]
    public static partial void Probed(ILogger logger, string device, string engine, string capabilities);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "baseband_qdma: {Device} queue {Queue}: the device stopped the hardware queue (reset, hardware error or fault); {InFlight} job(s) in flight complete with DRV_ERROR; stop and start the queue to reopen it")]
    public static partial void QueueStopped(ILogger logger, string device, int queue, long inFlight);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "baseband_qdma: {Device} queue {Queue}: {InFlight} job(s) still in flight after the stop timeout ({TimeoutMs} ms); the hardware queue was put and they complete with DRV_ERROR")]
    public static partial void StopTimedOut(ILogger logger, string device, int queue, long inFlight, double timeoutMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "baseband_qdma: {Device} queue {Queue}: completion tag {Tag} where {Expected} was due; the queue is taken out of service")]
    public static partial void TagMismatch(ILogger logger, string device, int queue, uint tag, uint expected);
}
