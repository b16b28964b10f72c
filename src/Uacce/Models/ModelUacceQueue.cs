using System.Runtime.InteropServices;
using AccelSdk.Uacce.Interop;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Models;

/// <summary>
/// The driver's handle on a device model's queue: the same <see cref="UacceQueue"/> contract as a kernel queue, with
/// the regions in pinned native memory shared with the model's <see cref="UacceModelQueue"/>.
/// </summary>
/// <remarks>
/// Run states (<c>_run</c>), each move a compare-and-swap: Idle → (Start) Running → (stop request) StopRequested →
/// (engine acknowledges) Stopped, or Running/StopRequested → Stopped when the model faults. Stopped is final: a UACCE
/// queue starts only once. Whoever moves the state to Stopped does so on the engine thread (or is the engine
/// thread), after <see cref="UacceModelQueue.Process"/> returned, and then sets <c>_stopped</c>; so once the
/// requester sees <c>_stopped</c>, Process will not run again and the model's state or the memory may go away.
/// </remarks>
internal sealed unsafe class ModelUacceQueue : UacceQueue, IUacceDoorbellSink
{
    private const int Idle = 0;
    private const int Running = 1;
    private const int StopRequested = 2;
    private const int Stopped = 3;

    private readonly UacceDeviceModel _model;
    private readonly ModelEngine _engine;
    private readonly UacceModelQueue _queue;
    private readonly ManualResetEventSlim _event = new(false);
    private readonly ManualResetEventSlim _stopped = new(false);
    private readonly Lock _serviceLock = new();
    private readonly TimeSpan _stopTimeout;
    private byte* _mmio;
    private byte* _dus;
    private int _run;
    private bool _released;
    private bool _stopHandled;
    private string? _invalidReason;

    public ModelUacceQueue(UacceDevice device, UacceDeviceModel model, int queueId, ModelEngine engine, Memory.UacceAddressSpace space)
        : base(device)
    {
        _model = model;
        _engine = engine;
        QueueId = queueId;
        _stopTimeout = model.Options.StopTimeout;
        _mmio = Allocate(device.MmioRegionSize);
        _dus = Allocate(device.DusRegionSize);
        try
        {
            var context = new UacceModelQueueContext(
                model,
                queueId,
                new UacceRegion(UacceRegionType.Mmio, _mmio, device.MmioRegionSize, sink: null),
                new UacceRegion(UacceRegionType.Dus, _dus, device.DusRegionSize, sink: null),
                new UacceModelMemory(space, model.Options.RequireRegisteredMemory),
                _event.Set);
            _queue = model.InvokeCreateQueue(context) ?? throw new InvalidOperationException($"Device model {model.GetType().Name}.CreateQueue returned null.");
        }
        catch
        {
            Free();
            throw;
        }
    }

    public int QueueId { get; }

    /// <summary>Engine thread: serve the queue once; acknowledges stop requests.</summary>
    public bool Service()
    {
        switch (Volatile.Read(ref _run))
        {
            case Running:
                try
                {
                    return _queue.InvokeProcess();
                }
                catch (Exception ex)
                {
                    Fault(ex);
                    return false;
                }

            case StopRequested:
                if (Interlocked.CompareExchange(ref _run, Stopped, StopRequested) == StopRequested)
                {
                    _stopped.Set();
                }

                return false;
            default:
                return false;
        }
    }

    void IUacceDoorbellSink.OnDoorbell(long offset, ulong value)
    {
        _queue.InvokeDoorbell(offset, value);
        _engine.Notify();
    }

    /// <summary>
    /// Controller reset (the HiSilicon QM order): "stop submitting" word, stop the engine, "stop completing" word.
    /// The queue stays allocated until the driver closes it.
    /// </summary>
    internal void ApplyReset(string reason)
    {
        Invalidate(reason);
        WriteResetWord(sizeof(uint));
        StopService();
        WriteResetWord(2 * sizeof(uint));
        _event.Set();
    }

    /// <summary>Device removal: the queue is stopped and given back; later control calls fail (the kernel's ZOMBIE after remove).</summary>
    internal void ApplyRemoval()
    {
        Invalidate("the device was removed");
        StopService();
        ReleaseSlot();
        _event.Set();
    }

    private protected override UacceRegion MapRegionCore(UacceRegionType type, long size)
    {
        ThrowIfInvalid($"map the {type} region");
        return type == UacceRegionType.Mmio
            ? new UacceRegion(type, _mmio, size, this)
            : new UacceRegion(type, _dus, size, sink: null);
    }

    private protected override void StartCore()
    {
        ThrowIfInvalid("start");
        _queue.InvokeStart();
        if (Interlocked.CompareExchange(ref _run, Running, Idle) == Idle)
        {
            _engine.Add(this);
        }
    }

    private protected override void PutCore()
    {
        StopService();
        ReleaseSlot();
    }

    private protected override int IoControlCore(uint request, nint argument)
    {
        ThrowIfInvalid($"issue ioctl 0x{request:X8}");
        int result = _queue.InvokeIoControl(request, argument);
        if (result < 0)
        {
            throw UacceErrors.IoctlFailed(Device, request, -result);
        }

        return result;
    }

    private protected override bool WaitForEventCore(int timeoutMilliseconds)
    {
        if (!_event.Wait(timeoutMilliseconds))
        {
            return false;
        }

        _event.Reset();
        return true;
    }

    private protected override void CloseCore(UacceRegion mmio, UacceRegion dus)
    {
        StopService();
        ReleaseSlot();
        Free();
    }

    /// <summary>
    /// Stops the engine serving this queue (waiting for it to leave Process) and calls the model's OnStop once.
    /// No lock is held while waiting, so the engine thread itself may stop queues from inside Process.
    /// </summary>
    private void StopService()
    {
        lock (_serviceLock)
        {
            if (_stopHandled)
            {
                return;
            }
        }

        if (Interlocked.CompareExchange(ref _run, Stopped, Idle) != Idle)
        {
            if (_engine.IsCurrentThread)
            {
                // The model stops a queue from inside Process (a reset it raised): the engine is here, so Process is
                // not entered again once the state says Stopped.
                ForceStopped();
            }
            else
            {
                _ = Interlocked.CompareExchange(ref _run, StopRequested, Running);
                _engine.Wake();
                if (!_stopped.Wait(_stopTimeout))
                {
                    throw new UacceException(Device.Name, Errno.EBUSY,
                        $"UACCE device {Device.Name}: the model engine did not stop queue {QueueId} within {_stopTimeout.TotalMilliseconds:0} ms; its Process() does not return.");
                }
            }
        }
        else
        {
            // Never started: there is nothing for the engine or the model to stop.
            lock (_serviceLock)
            {
                _stopHandled = true;
            }

            _stopped.Set();
            return;
        }

        lock (_serviceLock)
        {
            if (_stopHandled)
            {
                return;
            }

            _stopHandled = true;
        }

        _engine.Remove(this);
        _queue.InvokeStop();
    }

    /// <summary>Engine thread: the model threw; treat it as a hardware fault of this queue.</summary>
    private void Fault(Exception exception)
    {
        Invalidate($"the device faulted ({exception.GetType().Name}: {exception.Message})");
        WriteResetWord(sizeof(uint));
        WriteResetWord(2 * sizeof(uint));
        ForceStopped();
        _model.ReportEngineFault(QueueId, exception);
        _event.Set();
    }

    /// <summary>Engine thread only: Running or StopRequested → Stopped, then release whoever waits for it.</summary>
    private void ForceStopped()
    {
        int run;
        do
        {
            run = Volatile.Read(ref _run);
            if (run is not (Running or StopRequested))
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _run, Stopped, run) != run);

        _stopped.Set();
    }

    private void WriteResetWord(int fromEnd)
    {
        // Under the lock that Free takes: a reset injected from another thread may race with the driver closing.
        lock (_serviceLock)
        {
            long size = Device.DusRegionSize;
            if (_dus != null && size >= fromEnd)
            {
                Volatile.Write(ref *(uint*)(_dus + size - fromEnd), 1u);
            }
        }
    }

    private void ReleaseSlot()
    {
        lock (_serviceLock)
        {
            if (_released)
            {
                return;
            }

            _released = true;
        }

        _model.Release(this);
    }

    private void Invalidate(string reason) => Volatile.Write(ref _invalidReason, reason);

    private void ThrowIfInvalid(string operation)
    {
        string? reason = Volatile.Read(ref _invalidReason);
        if (reason is not null)
        {
            throw new UacceException(Device.Name, Errno.ENXIO,
                $"UACCE device {Device.Name}: cannot {operation}: the queue is no longer valid (ENXIO): {reason}; close it and open a new queue.");
        }
    }

    private void Free()
    {
        // Every caller has stopped the engine for this queue first (or it never ran), and the driver has closed its
        // handle; the lock keeps a concurrent reset from writing its words into freed memory.
        lock (_serviceLock)
        {
            if (_mmio != null)
            {
                NativeMemory.AlignedFree(_mmio);
                _mmio = null;
            }

            if (_dus != null)
            {
                NativeMemory.AlignedFree(_dus);
                _dus = null;
            }
        }
    }

    private static byte* Allocate(long size)
    {
        if (size == 0)
        {
            return null;
        }

        byte* memory = (byte*)NativeMemory.AlignedAlloc((nuint)size, (nuint)Environment.SystemPageSize);
        NativeMemory.Clear(memory, (nuint)size);
        return memory;
    }
}
