namespace AccelSdk.Dma.Driver;

/// <summary>
/// What a driver implements for one DMA device (DPDK's <c>rte_dma_dev_ops</c>). The library (<see cref="DmaDevice"/>)
/// validates every control-path call before it reaches these methods, so a driver sees only legal sequences and
/// values: <see cref="Configure"/> → <see cref="SetupVchan"/> per channel → <see cref="Start"/> → <see cref="Stop"/>
/// → (configure again, or start again, or) <see cref="Close"/>.
/// </summary>
public abstract class DmaDeviceOperations : IDisposable
{
    /// <summary>The driver's report: capabilities and limits; constant for the device's lifetime.</summary>
    public abstract DmaDeviceInfo Info { get; }

    /// <summary>Where the device lives (<c>vdev</c>, or <c>uacce:hisi_zip-0</c>).</summary>
    public virtual string Location => "vdev";

    /// <summary>Called with a validated configuration while the device is stopped; channels set up before were released.</summary>
    public virtual void Configure(DmaConfig config)
    {
    }

    /// <summary>Creates channel <paramref name="vchanId"/> for a validated configuration (a channel set up before under that id was released).</summary>
    /// <exception cref="InvalidOperationException">The device cannot provide the channel now; the message says why.</exception>
    public abstract DmaVchan SetupVchan(int vchanId, DmaVchanConfig config);

    /// <summary>
    /// Starts the device with its set-up channels: every channel's ring starts empty (completions not harvested
    /// before are discarded) and accepts jobs again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The device cannot start (a fault it cannot recover from); the message says why.</exception>
    public abstract void Start(IReadOnlyList<DmaVchan> vchans);

    /// <summary>
    /// Stops the device: new jobs are refused, every submitted job is finished, and jobs enqueued but never submitted
    /// complete with <see cref="DmaStatus.UserAbort"/>. All of them stay reportable by the completion calls until the
    /// next <see cref="Start"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Submitted jobs did not finish in time (DPDK's <c>-EBUSY</c>).</exception>
    public abstract void Stop();

    /// <summary>Releases the channels' device resources; a later <see cref="Configure"/> acquires them again.</summary>
    public virtual void Close()
    {
    }

    /// <summary>
    /// Makes a block of process memory reachable by the device and returns the registration (dispose it, once the
    /// device is done with the memory, to unregister). The default suits devices with <see cref="DmaCapabilities.Sva"/>
    /// that reach every address: nothing to do.
    /// </summary>
    /// <exception cref="ArgumentException">The block is empty or overlaps a registered one.</exception>
    public virtual IDisposable RegisterMemory(nint address, long length) => NoRegistration.Instance;

    /// <summary>Writes the driver's device-level state for <see cref="DmaDevice.Dump"/>.</summary>
    public virtual void Dump(TextWriter writer)
    {
    }

    /// <summary>Releases the driver's resources.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class NoRegistration : IDisposable
    {
        public static readonly NoRegistration Instance = new();

        public void Dispose()
        {
        }
    }
}
