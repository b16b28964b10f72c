namespace AccelSdk.Uacce.Queues;

/// <summary>The kernel's state machine of one UACCE queue (one open file): INIT → STARTED → ZOMBIE, then closed.</summary>
public enum UacceQueueState
{
    /// <summary>Opened: a hardware queue is allocated; regions may be mapped and vendor ioctls issued; not started.</summary>
    Initialized,

    /// <summary>Started with <c>UACCE_CMD_START_Q</c>: the device processes descriptors.</summary>
    Started,

    /// <summary>
    /// Released with <c>UACCE_CMD_PUT_Q</c> (the kernel's ZOMBIE): the hardware queue is stopped and given back;
    /// only unmapping and closing remain.
    /// </summary>
    Released,

    /// <summary>Closed: regions unmapped and the file closed.</summary>
    Closed,
}
