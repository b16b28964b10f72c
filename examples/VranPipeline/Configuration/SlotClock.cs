namespace VranPipeline.Configuration;

/// <summary>How slot processing time is measured.</summary>
public enum SlotClock
{
    /// <summary>Wall-clock time from the slot's start to the cell's last result: what the slot deadline is about.</summary>
    Wall,

    /// <summary>
    /// CPU time of the lcore thread over the same interval (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): the host cost of the
    /// slot without the time the thread waited or was preempted, for measuring on a shared machine. Work an
    /// asynchronous device does on its own threads is not counted.
    /// </summary>
    ThreadCpu,
}
