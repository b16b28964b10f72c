namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>
/// Runs one op to completion on the calling thread: validates it, clears its status, processes it and writes its
/// outputs, lengths, status and counters. Owns scratch memory, so one instance serves one thread at a time.
/// </summary>
/// <typeparam name="TOp">The op class.</typeparam>
internal interface IBbdevOpProcessor<in TOp>
    where TOp : BbdevOp
{
    /// <summary>Processes <paramref name="op"/>; never throws for bad op contents (they become a status).</summary>
    void Process(TOp op);
}
