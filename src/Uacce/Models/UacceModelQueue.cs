using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Models;

/// <summary>
/// The device side of one queue of a device model: the engine that reads what the driver wrote into the DUS
/// region and the MMIO registers, does the work, and writes completions back, exactly as hardware would.
/// </summary>
/// <remarks>
/// <para>The framework calls <see cref="Process"/> repeatedly on the queue's engine thread while the queue is
/// started; a model detects doorbells by reading its MMIO registers there (volatile loads through
/// <see cref="Mmio"/>), so a driver rings them with plain stores as it would on a real card. An engine with nothing
/// to do parks and is woken by <see cref="UacceRegion.WriteDoorbell32"/>, or re-polls after
/// <see cref="UacceDeviceModelOptions.IdlePollInterval"/>.</para>
/// <para>An exception thrown by <see cref="Process"/> is a hardware fault: the framework sets both reset words
/// (<see cref="UacceQueueHealth"/>), stops the queue, signals an event and records the exception in
/// <see cref="UacceDeviceModel.LastEngineFault"/>. Nothing else in the process is disturbed.</para>
/// </remarks>
public abstract class UacceModelQueue
{
    private readonly UacceModelQueueContext _context;

    /// <summary>Creates the queue; call from <see cref="UacceDeviceModel.CreateQueue"/>.</summary>
    protected UacceModelQueue(UacceModelQueueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>The hardware queue number.</summary>
    public int QueueId => _context.QueueId;

    /// <summary>The model the queue belongs to.</summary>
    public UacceDeviceModel Device => _context.Device;

    /// <summary>The queue's MMIO region, as the device sees it.</summary>
    protected UacceRegion Mmio => _context.Mmio;

    /// <summary>The queue's DUS region, as the device sees it; leave its last 8 bytes to the framework.</summary>
    protected UacceRegion Dus => _context.Dus;

    /// <summary>Host memory as the device may reach it: resolve every descriptor address here.</summary>
    protected UacceModelMemory Memory => _context.Memory;

    /// <summary>Signals an event to the driver (what the kernel reports as POLLIN): call after writing completions.</summary>
    protected void SignalEvent() => _context.Signal();

    /// <summary>Called on the driver's thread when it starts the queue (<c>UACCE_CMD_START_Q</c>), before the engine serves it.</summary>
    protected virtual void OnStart()
    {
    }

    /// <summary>
    /// Does a slice of work on the engine thread: look at the doorbells, process what is pending (or a bounded part
    /// of it), write completions. Never blocks.
    /// </summary>
    /// <returns><see langword="true"/> if anything was done (the engine polls again at once); <see langword="false"/> when idle.</returns>
    protected abstract bool Process();

    /// <summary>Called once after the engine has stopped serving the queue (put, close, reset, device removal, fault); <see cref="Process"/> is no longer running.</summary>
    protected virtual void OnStop()
    {
    }

    /// <summary>
    /// Called on the driver's thread right after it rang a doorbell in the MMIO region with
    /// <see cref="UacceRegion.WriteDoorbell32"/> or <see cref="UacceRegion.WriteDoorbell64"/>. Only for devices
    /// whose registers cannot be polled (several commands multiplexed through one doorbell address): latch the
    /// value here and keep it short; the default does nothing.
    /// </summary>
    protected virtual void OnDoorbell(long offset, ulong value)
    {
    }

    /// <summary>A vendor ioctl on the queue (the generic start/put never arrive here).</summary>
    /// <param name="request">The request number.</param>
    /// <param name="argument">The caller's argument: a pointer into its memory, or a value.</param>
    /// <returns>A non-negative result, or a negated errno (the default, −EINVAL, is the kernel's answer to an unknown command).</returns>
    protected virtual int OnIoControl(uint request, nint argument) => -22;

    // The framework's entry points: the overridable members stay protected, so a model in any assembly overrides
    // them the same way (an assembly that sees this one's internals would otherwise have to write "protected internal").
    internal void InvokeStart() => OnStart();

    internal bool InvokeProcess() => Process();

    internal void InvokeStop() => OnStop();

    internal void InvokeDoorbell(long offset, ulong value) => OnDoorbell(offset, value);

    internal int InvokeIoControl(uint request, nint argument) => OnIoControl(request, argument);
}
