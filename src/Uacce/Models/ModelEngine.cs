namespace AccelSdk.Uacce.Models;

/// <summary>
/// One engine thread of a device model: polls the started queues assigned to it, spins briefly when idle, then
/// parks until a doorbell wakes it or the idle poll interval passes.
/// </summary>
/// <remarks>
/// Wake-up protocol (a Dekker pair, so that no doorbell is slept through):
/// (E1) the engine stores <c>_parked = 1</c>, issues a full fence, then polls every queue once more before waiting;
/// (D1) a doorbell writer stores the doorbell, issues a full fence, then loads <c>_parked</c> and sets the event if it
/// is 1. With both fences, either the engine's re-poll sees the doorbell or the writer sees <c>_parked = 1</c> and
/// wakes it. A signal that lands between the wait and the reset is harmless: the engine polls right after.
/// </remarks>
internal sealed class ModelEngine : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly Lock _lock = new();
    private readonly int _idleSpinCount;
    private readonly TimeSpan _idlePollInterval;
    private ModelUacceQueue[] _queues = [];
    private int _parked;
    private volatile bool _stop;

    public ModelEngine(string name, UacceDeviceModelOptions options)
    {
        _idleSpinCount = options.IdleSpinCount;
        _idlePollInterval = options.IdlePollInterval;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public bool IsCurrentThread => Environment.CurrentManagedThreadId == _thread.ManagedThreadId;

    public void Add(ModelUacceQueue queue)
    {
        lock (_lock)
        {
            Volatile.Write(ref _queues, [.. _queues, queue]);
        }

        _wake.Set();
    }

    public void Remove(ModelUacceQueue queue)
    {
        lock (_lock)
        {
            Volatile.Write(ref _queues, Array.FindAll(_queues, q => !ReferenceEquals(q, queue)));
        }
    }

    /// <summary>After a doorbell store (D1): wake the engine if it is parked.</summary>
    public void Notify()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _parked) != 0)
        {
            _wake.Set();
        }
    }

    /// <summary>Wakes the engine unconditionally (control path: stop requests, queue added).</summary>
    public void Wake() => _wake.Set();

    public void Dispose()
    {
        _stop = true;
        _wake.Set();
        if (!IsCurrentThread)
        {
            _thread.Join();
        }

        // _wake is not disposed: a driver may still ring a doorbell of a removed device, and Set must stay harmless.
    }

    private void Run()
    {
        int idle = 0;
        while (!_stop)
        {
            if (ServiceAll())
            {
                idle = 0;
                continue;
            }

            if (idle < _idleSpinCount)
            {
                idle++;
                Thread.SpinWait(32);
                continue;
            }

            // (E1) announce the park, fence, then a last poll before sleeping.
            Volatile.Write(ref _parked, 1);
            Interlocked.MemoryBarrier();
            bool worked = ServiceAll();
            if (!worked && !_stop)
            {
                _wake.Wait(_idlePollInterval);
            }

            _wake.Reset();
            Volatile.Write(ref _parked, 0);
            if (worked)
            {
                idle = 0;
            }
        }
    }

    private bool ServiceAll()
    {
        bool worked = false;
        foreach (ModelUacceQueue queue in Volatile.Read(ref _queues))
        {
            worked |= queue.Service();
        }

        return worked;
    }
}
