using System.Diagnostics;
using AccelSdk.Core.Devices;

namespace AccelSdk.Dma.Tests.Infrastructure;

/// <summary>
/// One device under test and the memory it may reach: what a driver-specific harness provides to the suites that are
/// written once against the <see cref="DmaDevice"/> API.
/// </summary>
public abstract class DmaHarness : IDisposable
{
    private readonly List<IDisposable> _owned = new();
    private NativeArena? _arena;

    /// <summary>The registry holding the device (for the name lookups DPDK's suite checks).</summary>
    public abstract DeviceRegistry Registry { get; }

    /// <summary>The device under test, freshly created (not configured).</summary>
    public abstract DmaDevice Device { get; }

    /// <summary>A label for messages.</summary>
    public abstract string Label { get; }

    /// <summary>Bytes of registered test memory.</summary>
    protected virtual long ArenaSize => 64L << 20;

    /// <summary>Allocates registered test memory (not zeroed: tests write what they later compare).</summary>
    public nint Allocate(long length, int alignment = 64)
    {
        if (_arena is null)
        {
            _arena = new NativeArena(ArenaSize, clear: false);
            _owned.Add(Device.RegisterMemory(_arena.Address, _arena.Size));
        }

        return _arena.Allocate(length, alignment);
    }

    /// <summary>Keeps <paramref name="resource"/> until the harness is disposed (disposed in reverse order, before the device).</summary>
    public void Own(IDisposable resource) => _owned.Add(resource);

    /// <summary>DPDK's "wait for hardware": polls the vchan status until idle, at most one second.</summary>
    public void WaitIdle(int vchan = 0)
    {
        var clock = Stopwatch.StartNew();
        while (Device.GetVchanStatus(vchan) == DmaVchanStatus.Active && clock.ElapsedMilliseconds < 1000)
        {
            Thread.Sleep(0);
        }
    }

    /// <summary>Configures one MEM_TO_MEM vchan (ring <paramref name="nbDesc"/> clamped to the device's range) and starts.</summary>
    public int ConfigureAndStart(int nbDesc = 512, int nbVchans = 1, bool silent = false)
    {
        DmaDeviceInfo info = Device.GetInfo();
        int size = Math.Clamp(nbDesc, info.MinDesc, info.MaxDesc);
        Device.Configure(nbVchans, silent);
        for (int v = 0; v < nbVchans; v++)
        {
            Device.VchanSetup(v, DmaDirection.MemToMem, size);
        }

        Device.Start();
        return size;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        if (Device.IsStarted)
        {
            Device.Stop();
        }

        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
        DisposeDevice();
        _arena?.Dispose();
    }

    /// <summary>Disposes the device and whatever hosts it.</summary>
    protected abstract void DisposeDevice();
}
