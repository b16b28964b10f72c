namespace AccelSdk.Uacce.Queues;

/// <summary>
/// The hardware-error/reset words at the end of a queue's DUS region (the HiSilicon QM convention that our device
/// models follow): before a controller reset the kernel sets the last u32 to 1 ("stop submitting"), stops the
/// queue, then sets the u32 before it to 1 ("stop consuming completions"). A queue with either flag set must be
/// closed and opened again; it is never restarted transparently.
/// </summary>
[Flags]
public enum UacceQueueHealth
{
    /// <summary>Both words are zero: the queue is usable.</summary>
    Ok = 0,

    /// <summary>The last u32 of the DUS region is non-zero: do not ring the submission doorbell.</summary>
    SubmissionStopped = 1,

    /// <summary>The u32 at DUS size − 8 is non-zero: do not consume completions or ring the completion doorbell.</summary>
    CompletionStopped = 2,
}
