using Microsoft.Extensions.Logging;

namespace AccelSdk.Gpu.Runtime;

/// <summary>The driver's log messages (source-generated, so a disabled level costs nothing).</summary>
internal static partial class GpuLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Device}: {Reason}; running the kernels on ILGPU's CPU accelerator.")]
    public static partial void CpuFallback(ILogger logger, string device, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Device}: kernels on {Accelerator}.")]
    public static partial void Started(ILogger logger, string device, string accelerator);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Device} queue {Queue}: a batch of {Ops} ops failed on the accelerator: {Error}")]
    public static partial void BatchFailed(ILogger logger, string device, int queue, int ops, string error);
}
