using AccelSdk.Core.Metrics;

namespace AccelSdk.Dma.Driver;

/// <summary>
/// The driver side of one virtual channel (a DPDK dmadev PMD's fast-path functions for one vchan). The library
/// (<see cref="DmaDevice"/>) calls these only after its own checks: the device is started (for the enqueue calls),
/// lengths are in [1, <see cref="DmaDeviceInfo.MaxLength"/>], scatter-gather lists are within
/// <see cref="DmaDeviceInfo.MaxSges"/> and of equal total length, and the device has the capability for the job.
/// </summary>
/// <remarks>
/// <para>The library owns job indices: every enqueue call that returns 0 is one job, numbered in call order, and
/// every completion call reports the oldest unreported jobs in that same order. A driver therefore only counts.</para>
/// <para>Threading: the data-path members are called by one application thread at a time (DPDK's rule: no
/// concurrent calls on one device, not even on different vchans). A driver's engine runs on threads of its own.</para>
/// </remarks>
public abstract class DmaVchan : IDisposable
{
    /// <summary>Creates the channel.</summary>
    protected DmaVchan(int vchanId, DmaVchanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        VchanId = vchanId;
        Config = config;
    }

    /// <summary>The channel's index on its device.</summary>
    public int VchanId { get; }

    /// <summary>The validated configuration the channel was set up with.</summary>
    public DmaVchanConfig Config { get; }

    /// <summary>
    /// The channel's statistics: the library counts submitted jobs (<see cref="QueueCounters.Enqueued"/>), refused
    /// enqueues, completions it reports and failed completions. In silent mode, where nothing is reported, the driver
    /// counts the jobs its engine finished here instead (<see cref="QueueCounters.AddDequeued"/>, from the engine thread).
    /// </summary>
    public QueueCounters Counters { get; } = new();

    /// <summary>Jobs that could be enqueued now: drops by one per accepted job, grows only as completions are harvested.</summary>
    public abstract int BurstCapacity { get; }

    /// <summary>Whether the channel is idle, busy, or halted by a device error.</summary>
    public abstract DmaVchanStatus Status { get; }

    /// <summary>Enqueues a copy of <paramref name="length"/> bytes.</summary>
    /// <returns>0 when the job was accepted, or a negative <see cref="DmaError"/> value (<see cref="DmaError.NoSpace"/> when full).</returns>
    public abstract int Copy(nint source, nint destination, int length, DmaOpFlags flags);

    /// <summary>Enqueues a scatter-gather copy: the source entries, concatenated, are written across the destination entries.</summary>
    /// <param name="source">1 to <see cref="DmaDeviceInfo.MaxSges"/> entries.</param>
    /// <param name="destination">1 to <see cref="DmaDeviceInfo.MaxSges"/> entries.</param>
    /// <param name="totalLength">The sum of the entries' lengths (the same on both sides).</param>
    /// <param name="flags">The job's flags.</param>
    /// <returns>0, or a negative <see cref="DmaError"/> value; the default is <see cref="DmaError.NotSupported"/>.</returns>
    public virtual int CopySg(ReadOnlySpan<DmaSge> source, ReadOnlySpan<DmaSge> destination, long totalLength, DmaOpFlags flags) => DmaError.NotSupported;

    /// <summary>Enqueues a fill: destination byte <c>i</c> becomes byte <c>i mod 8</c> of <paramref name="pattern"/> in little-endian order.</summary>
    /// <returns>0, or a negative <see cref="DmaError"/> value; the default is <see cref="DmaError.NotSupported"/>.</returns>
    public virtual int Fill(ulong pattern, nint destination, int length, DmaOpFlags flags) => DmaError.NotSupported;

    /// <summary>Rings the doorbell: every job enqueued so far may start.</summary>
    /// <returns>0, or a negative <see cref="DmaError"/> value.</returns>
    public abstract int Submit();

    /// <summary>
    /// Reports up to <paramref name="maxCompletions"/> of the oldest unreported jobs that completed successfully, in
    /// order, and consumes them. Stops at the first failed job without consuming it (<paramref name="hasError"/> is
    /// then set) or at the first unfinished one.
    /// </summary>
    /// <returns>The number of successful jobs consumed.</returns>
    public abstract int Completed(int maxCompletions, out bool hasError);

    /// <summary>
    /// Reports up to <c>status.Length</c> of the oldest unreported finished jobs, successful or not, in order, writing
    /// each job's status, and consumes them.
    /// </summary>
    /// <returns>The number of jobs consumed (statuses written to the start of <paramref name="status"/>).</returns>
    public abstract int CompletedStatus(Span<DmaStatus> status);

    /// <summary>Writes the channel's driver state (ring indices, counters) for <see cref="DmaDevice.Dump"/>.</summary>
    public virtual void Dump(TextWriter writer)
    {
    }

    /// <summary>Releases the channel's resources; the device is stopped when the library calls it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
