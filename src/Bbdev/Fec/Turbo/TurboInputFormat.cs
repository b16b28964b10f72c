namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>How a code block's 3·Kπ input LLRs are laid out (bbdev's SUBBLOCK_DEINTERLEAVE flag).</summary>
public enum TurboInputFormat
{
    /// <summary>
    /// The virtual circular buffer w of TS 36.212 5.1.4.1.2 (sub-block interleaved, NULL positions present and 0):
    /// the decoder de-interleaves it (bbdev SUBBLOCK_DEINTERLEAVE).
    /// </summary>
    CircularBuffer,

    /// <summary>Three streams d0, d1, d2, each K + 4 LLRs at the start of its own Kπ-byte slot (no sub-block interleaving).</summary>
    Streams,
}
