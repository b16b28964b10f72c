namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>
/// A worker thread of a <c>crypto_sw</c> device in asynchronous mode: polls the ingress rings of its queue pairs,
/// processes ops in order and publishes them to the completion rings; sleeps when there is nothing to do and is
/// woken by enqueue.
/// </summary>
/// <remarks>
/// Lost-wakeup argument (Dekker style): the worker announces sleep (W1: <c>_sleeping = 1</c>, full fence) and then
/// re-checks the rings (R1); the producer publishes ops (W2: ring tail, then a full fence in <see cref="Wake"/>) and
/// then reads <c>_sleeping</c> (R2). With both fences, at least one side sees the other's write: either the worker
/// finds the ops, or the producer sees the flag and sets the event. A 1 ms timeout on the wait bounds any delay
/// should the argument ever be broken by a future change.
/// </remarks>
internal sealed class SoftwareWorker : IDisposable
{
    private const int SpinsBeforeYield = 64;
    private const int SpinsBeforeSleep = 512;
    private const int BatchSize = 32;

    private readonly SoftwareQueuePair[] _queuePairs;
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _sleeping;

    public SoftwareWorker(string name, SoftwareQueuePair[] queuePairs)
    {
        _queuePairs = queuePairs;
        foreach (SoftwareQueuePair qp in queuePairs)
        {
            qp.Worker = this;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = name };
    }

    public void Start() => _thread.Start();

    /// <summary>Called by enqueue after publishing ops.</summary>
    public void Wake()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleeping) != 0)
        {
            _wake.Set();
        }
    }

    /// <summary>Asks the worker to finish the ops already accepted and exit, and waits for it.</summary>
    public void Stop()
    {
        _stopping = true;
        _wake.Set();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
    }

    public void Dispose()
    {
        Stop();
        _wake.Dispose();
    }

    private void Run()
    {
        var batch = new CryptoOp[BatchSize];
        int idle = 0;
        while (true)
        {
            int done = 0;
            foreach (SoftwareQueuePair qp in _queuePairs)
            {
                done += qp.Drain(batch);
            }

            if (done > 0)
            {
                idle = 0;
                continue;
            }

            if (_stopping)
            {
                // Ingress is empty and no producer may enqueue after Stop (the device refuses): all ops are complete.
                return;
            }

            if (++idle < SpinsBeforeSleep)
            {
                // Spin briefly (ops usually follow soon), then yield so a polling application thread on the same
                // core can run; only then sleep.
                if (idle < SpinsBeforeYield)
                {
                    Thread.SpinWait(20);
                }
                else
                {
                    Thread.Yield();
                }

                continue;
            }

            _wake.Reset();
            Volatile.Write(ref _sleeping, 1);
            Interlocked.MemoryBarrier();
            if (!AnyPending() && !_stopping)
            {
                _wake.Wait(1);
            }

            Volatile.Write(ref _sleeping, 0);
            idle = 0;
        }
    }

    private bool AnyPending()
    {
        foreach (SoftwareQueuePair qp in _queuePairs)
        {
            if (!qp.Ingress!.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
