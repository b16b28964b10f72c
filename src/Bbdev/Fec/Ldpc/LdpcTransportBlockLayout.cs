using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// How one transport block of an LDPC shared channel maps onto code blocks (TS 38.212 7.2.1 TB CRC, 5.2.2
/// segmentation, 5.3.2 lifting, 5.4.2.1 rate-matched lengths): everything an application needs to fill the fields of
/// an LDPC encode or decode op. Create it with <see cref="LdpcSegmentation.Compute"/>.
/// </summary>
/// <remarks>
/// Bit counts: the transport block carries <see cref="TransportBlockBits"/> (A) payload bits followed by an L-bit TB
/// CRC (B = A + L bits in all). Each of the <see cref="CodeBlocks"/> (C) code blocks carries
/// <see cref="CodeBlockDataBits"/> = B / C of them, then a CRC24B when C &gt; 1 (K′ bits in all), then
/// <see cref="FillerBits"/> (F) fillers up to K = Kb·Zc. Code block r is sent as <see cref="EOf"/>(r) coded bits.
/// </remarks>
public readonly record struct LdpcTransportBlockLayout
{
    /// <summary>A: transport block payload bits, before the TB CRC.</summary>
    public int TransportBlockBits { get; init; }

    /// <summary>The TB CRC: CRC24A when A &gt; 3824, else CRC16 (TS 38.212 7.2.1).</summary>
    public CrcType TransportBlockCrc { get; init; }

    /// <summary>Base graph, 1 or 2.</summary>
    public int BaseGraph { get; init; }

    /// <summary>C: number of code blocks.</summary>
    public int CodeBlocks { get; init; }

    /// <summary>K′: bits per code block before the fillers, including the code-block CRC when there is one.</summary>
    public int KPrime { get; init; }

    /// <summary>Lifting size Zc: the smallest one with Kb·Zc ≥ K′ (TS 38.212 5.2.2).</summary>
    public int Zc { get; init; }

    /// <summary>Circular-buffer length Ncb in bits: N, or less with limited-buffer rate matching.</summary>
    public int Ncb { get; init; }

    /// <summary>Modulation order Qm: 1, 2, 4, 6 or 8.</summary>
    public int Qm { get; init; }

    /// <summary>Number of transmission layers NL the coded bits are spread over.</summary>
    public int Layers { get; init; }

    /// <summary>G: coded bits available for the transport block (the sum of E over the code blocks).</summary>
    public int CodedBits { get; init; }

    /// <summary>E of code blocks r &lt; <see cref="Cab"/> (the shorter length).</summary>
    public int Ea { get; init; }

    /// <summary>E of code blocks r ≥ <see cref="Cab"/> (Ea + NL·Qm, or Ea when G divides evenly).</summary>
    public int Eb { get; init; }

    /// <summary>Number of code blocks that use <see cref="Ea"/>.</summary>
    public int Cab { get; init; }

    /// <summary>L: bits of TB CRC, 24 or 16.</summary>
    public int TransportBlockCrcBits => CrcCalculator.Length(TransportBlockCrc);

    /// <summary>Bits of code-block CRC (CRC24B) per code block: 24 when C &gt; 1, else 0.</summary>
    public int CodeBlockCrcBits => CodeBlocks > 1 ? 24 : 0;

    /// <summary>Bits of the transport block (payload and TB CRC) each code block carries: K′ minus the code-block CRC, = B / C.</summary>
    public int CodeBlockDataBits => KPrime - CodeBlockCrcBits;

    /// <summary>K = 22·Zc (BG1) or 10·Zc (BG2).</summary>
    public int K => (BaseGraph == 1 ? 22 : 10) * Zc;

    /// <summary>F = K − K′ filler bits per code block.</summary>
    public int FillerBits => K - KPrime;

    /// <summary>N = 66·Zc (BG1) or 50·Zc (BG2): the full circular buffer.</summary>
    public int N => (BaseGraph == 1 ? 66 : 50) * Zc;

    /// <summary>
    /// Positions of the circular buffer without fillers (Ncb − F when the fillers lie inside it): the length in LLRs of
    /// one code block's HARQ buffer, the room an LDPC decode op's HARQ output needs.
    /// </summary>
    public int CompactLength => CodeBlock(0, 0).CompactLength;

    /// <summary>Effective code rate A / G.</summary>
    public double CodeRate => CodedBits == 0 ? 0 : (double)TransportBlockBits / CodedBits;

    /// <summary>E of code block <paramref name="r"/> (TS 38.212 5.4.2.1).</summary>
    public int EOf(int r) => r < Cab ? Ea : Eb;

    /// <summary>Offset in bits of code block <paramref name="r"/>'s first coded bit within the G coded bits of the transport block.</summary>
    public int CodedBitOffset(int r) => r <= Cab ? r * Ea : (Cab * Ea) + ((r - Cab) * Eb);

    /// <summary>The kernel-level parameters of code block <paramref name="r"/> sent with redundancy version <paramref name="rvIndex"/>.</summary>
    public LdpcBlockParameters CodeBlock(int r, int rvIndex) => new()
    {
        BaseGraph = BaseGraph,
        Zc = Zc,
        FillerBits = FillerBits,
        Ncb = Ncb,
        E = EOf(r),
        RvIndex = rvIndex,
        Qm = Qm,
    };
}
