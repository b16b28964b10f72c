using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.TestVectors.Generation;

/// <summary>What <see cref="LdpcVectorGenerator"/> makes: one code-block configuration, its CRC, mode and channel.</summary>
public sealed record LdpcVectorSpec
{
    /// <summary>Base graph, 1 or 2.</summary>
    public int BaseGraph { get; init; } = 1;

    /// <summary>Lifting size.</summary>
    public int Zc { get; init; } = 384;

    /// <summary>Filler bits F.</summary>
    public int Filler { get; init; }

    /// <summary>Circular-buffer length Ncb; 0 = N (no LBRM).</summary>
    public int Ncb { get; init; }

    /// <summary>Modulation order 1, 2, 4, 6 or 8.</summary>
    public int Qm { get; init; } = 2;

    /// <summary>Redundancy version 0..3.</summary>
    public int RvIndex { get; init; }

    /// <summary>Rate-matched length E of each code block (Ea in transport-block mode).</summary>
    public int E { get; init; }

    /// <summary>Transport-block mode: E of code blocks r ≥ <see cref="Cab"/> (0 = same as <see cref="E"/>).</summary>
    public int Eb { get; init; }

    /// <summary>Code blocks; more than 1 means a transport-block-mode vector with C code blocks.</summary>
    public int CodeBlocks { get; init; } = 1;

    /// <summary>Transport-block mode: code blocks that use <see cref="E"/> (the rest use <see cref="Eb"/>).</summary>
    public int Cab { get; init; }

    /// <summary>CRC the encoder attaches and the decoder checks, or null.</summary>
    public CrcType? Crc { get; init; }

    /// <summary>With a CRC24B: the decoder drops it from its hard output (CRC_TYPE_24B_DROP).</summary>
    public bool DropCrc { get; init; }

    /// <summary>Bypass the bit interleaver (INTERLEAVER_BYPASS / DEINTERLEAVER_BYPASS).</summary>
    public bool InterleaverBypass { get; init; }

    /// <summary>Decoder: explicit k0 (0 = from rv).</summary>
    public int K0 { get; init; }

    /// <summary>Decoder input: noiseless ±127 LLRs when null, else AWGN at this SNR (dB) through the Qm constellation.</summary>
    public double? SnrDb { get; init; }

    /// <summary>Decoder iteration limit the expectations are computed for (test-bbdev's default <c>-t</c> is 6).</summary>
    public int IterMax { get; init; } = 6;

    /// <summary>Seed of the information bits and the noise.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A file-name stem describing the configuration.</summary>
    public string Describe()
    {
        string name = $"bg{BaseGraph}_z{Zc}_f{Filler}_e{E}_rv{RvIndex}_q{Qm}";
        if (Ncb != 0)
        {
            name += $"_ncb{Ncb}";
        }

        if (CodeBlocks > 1)
        {
            name += $"_tb{CodeBlocks}";
        }

        if (Crc is { } crc)
        {
            name += "_" + crc.ToString().ToLowerInvariant() + (DropCrc ? "drop" : "");
        }

        if (InterleaverBypass)
        {
            name += "_byp";
        }

        if (K0 != 0)
        {
            name += $"_k0{K0}";
        }

        if (SnrDb is { } snr)
        {
            name += FormattableString.Invariant($"_snr{snr:0.#}");
        }

        return name;
    }
}
