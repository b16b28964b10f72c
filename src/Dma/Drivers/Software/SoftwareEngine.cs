using System.Diagnostics;

namespace AccelSdk.Dma.Drivers.Software;

/// <summary>
/// The engine thread of one software device: takes bursts of descriptors from every vchan's ring in turn, executes
/// them and publishes their completion; polls for <c>idle_spin_us</c> when there is nothing to do, then sleeps until
/// a submit wakes it.
/// </summary>
/// <remarks>
/// Wake-up protocol, a Dekker pair so that no submit is slept through:
/// (E1) the engine stores <c>_parked = 1</c>, issues a full fence, then polls every ring once more before it waits;
/// (S1) a submit publishes the ring's producer tail, issues a full fence (<see cref="Notify"/>), then loads
/// <c>_parked</c> and signals if it is 1. With both fences, either the engine's last poll sees the new descriptors or
/// the submitter sees <c>_parked = 1</c>. A signal that lands after the engine woke anyway is harmless: it polls again.
/// </remarks>
internal sealed class SoftwareEngine : IDisposable
{
    /// <summary>Descriptors taken from one ring per turn: enough to amortise the ring's index traffic.</summary>
    public const int BurstSize = 64;

    private readonly string _name;
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly long _idleSpinTicks;
    private Thread? _thread;
    private SoftwareVchan[] _vchans = [];
    private int _parked;
    private volatile bool _stop;
    private long _bursts;
    private long _parks;

    public SoftwareEngine(string name, int idleSpinMicroseconds)
    {
        _name = name;
        _idleSpinTicks = (long)(idleSpinMicroseconds * (Stopwatch.Frequency / 1e6));
    }

    public bool IsRunning => _thread is not null;

    /// <summary>Bursts executed since the device was created (for dumps).</summary>
    public long Bursts => Volatile.Read(ref _bursts);

    /// <summary>Times the engine went to sleep (for dumps).</summary>
    public long Parks => Volatile.Read(ref _parks);

    public void Start(SoftwareVchan[] vchans)
    {
        Stop();
        _vchans = vchans;
        _stop = false;
        _thread = new Thread(Run) { IsBackground = true, Name = $"{_name} engine" };
        _thread.Start();
    }

    /// <summary>Ends the thread after its current burst; descriptors left in the rings stay there.</summary>
    public void Stop()
    {
        Thread? thread = _thread;
        if (thread is null)
        {
            return;
        }

        _stop = true;
        _wake.Set();
        thread.Join();
        _thread = null;
        _vchans = [];
    }

    /// <summary>S1: after a submit published descriptors, wake the engine if it sleeps.</summary>
    public void Notify()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _parked) != 0)
        {
            _wake.Set();
        }
    }

    public void Dispose()
    {
        Stop();

        // _wake is not disposed: a submit racing a dispose may still call Set, which must stay harmless.
    }

    private void Run()
    {
        SoftwareDescriptor[] burst = new SoftwareDescriptor[BurstSize];
        SoftwareVchan[] vchans = _vchans;
        long idleSince = 0;
        int idlePolls = 0;
        while (!_stop)
        {
            if (ServiceAll(vchans, burst))
            {
                idleSince = 0;
                continue;
            }

            long now = Stopwatch.GetTimestamp();
            if (idleSince == 0)
            {
                idleSince = now;
                idlePolls = 0;
            }

            if (now - idleSince < _idleSpinTicks)
            {
                // Poll without holding the CPU: a few short spins for the next submit of a busy application, then
                // yields, so that on a shared machine the application thread (or anyone) runs instead of this poll.
                if (++idlePolls < 16)
                {
                    Thread.SpinWait(8);
                }
                else
                {
                    Thread.Yield();
                }

                continue;
            }

            // E1: announce the park, fence, poll once more, then sleep.
            Volatile.Write(ref _parked, 1);
            Interlocked.MemoryBarrier();
            bool worked = ServiceAll(vchans, burst);
            if (!worked && !_stop)
            {
                _parks++;
                _wake.Wait(100);
            }

            _wake.Reset();
            Volatile.Write(ref _parked, 0);
            idleSince = 0;
        }
    }

    private bool ServiceAll(SoftwareVchan[] vchans, SoftwareDescriptor[] burst)
    {
        bool worked = false;
        foreach (SoftwareVchan vchan in vchans)
        {
            if (vchan.Execute(burst))
            {
                worked = true;
                _bursts++;
            }
        }

        return worked;
    }
}
