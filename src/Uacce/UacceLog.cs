using Microsoft.Extensions.Logging;

namespace AccelSdk.Uacce;

/// <summary>The bus's log messages (control path only).</summary>
internal static partial class UacceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "UACCE: {Root} does not exist; no kernel UACCE devices")]
    public static partial void NoClassDirectory(ILogger logger, string root);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "UACCE: skipped {Origin} device {Name}: {Reason}")]
    public static partial void Skipped(ILogger logger, UacceDeviceOrigin origin, string name, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "UACCE: {Warning}")]
    public static partial void Warning(ILogger logger, string warning);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "UACCE: found {Origin} device {Name} (api {Api}, {Mode})")]
    public static partial void Found(ILogger logger, UacceDeviceOrigin origin, string name, string api, UacceAddressMode mode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "UACCE: device {Name} probed by {Driver}: {Devices}")]
    public static partial void Claimed(ILogger logger, string name, string driver, string devices);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "UACCE: no driver for device {Name}: {Detail}")]
    public static partial void NoDriver(ILogger logger, string name, string detail);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "UACCE: device {Name} cannot be used by driver {Driver}: {Detail}")]
    public static partial void ProbeFailed(ILogger logger, string name, string driver, string detail, Exception? exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "UACCE: device {Name} is isolated (isolate = 1); not probed")]
    public static partial void Isolated(ILogger logger, string name);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "UACCE: removed device {Name} (driver {Driver}): {Devices}")]
    public static partial void Removed(ILogger logger, string name, string driver, string devices);
}
