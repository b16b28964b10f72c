namespace AccelSdk.Core.Devices;

/// <summary>Lifecycle state of a device.</summary>
public enum DeviceState
{
    /// <summary>Created by its driver; queues not set up yet.</summary>
    Initialized,

    /// <summary>Queues set up and configurable; not processing.</summary>
    Configured,

    /// <summary>Started: the data path may be used.</summary>
    Started,

    /// <summary>Stopped after a start; can be reconfigured or started again.</summary>
    Stopped,

    /// <summary>Closed: queues released; the device must be set up again before use.</summary>
    Closed,

    /// <summary>The device reported an unrecoverable fault or was removed.</summary>
    Faulted,
}
