using VranPipeline.Radio;
using VranPipeline.Scheduling;

namespace VranPipeline.Configuration;

/// <summary>
/// The pipeline's settings, bound from configuration section <see cref="SectionName"/> (a JSON file, environment, or
/// the command line) and checked by <see cref="PipelineOptionsValidator"/> before the pipeline starts.
/// </summary>
public sealed class PipelineOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>Cells, each with one encoder queue (downlink) and one decoder queue (uplink) on the device. 1..64, default 2.</summary>
    public int Cells { get; set; } = 2;

    /// <summary>Slots in which new transport blocks are sent (pending retransmissions then drain). 1..1000000, default 100.</summary>
    public int Slots { get; set; } = 100;

    /// <summary>UEs per cell; each gets one transport block (new or retransmitted) per slot. 1..16, default 1.</summary>
    public int UesPerCell { get; set; } = 1;

    /// <summary>Transport block size in bits, given directly; 0 (the default) derives it from <see cref="Mcs"/> and <see cref="Prbs"/> (TS 38.214 5.1.3.2).</summary>
    public int Tbs { get; set; }

    /// <summary>MCS index into <see cref="McsTable"/> when <see cref="Tbs"/> is 0. Default 10.</summary>
    public int Mcs { get; set; } = 10;

    /// <summary>The MCS table (TS 38.214 5.1.3.1). Default <see cref="Scheduling.McsTable.Qam256"/>.</summary>
    public McsTable McsTable { get; set; } = McsTable.Qam256;

    /// <summary>Modulation when <see cref="Tbs"/> is given directly (with an MCS the table decides). Default QPSK.</summary>
    public Modulation Modulation { get; set; } = Modulation.Qpsk;

    /// <summary>PRBs allocated to each UE. 1..275, default 52 (20 MHz at 30 kHz subcarrier spacing).</summary>
    public int Prbs { get; set; } = 52;

    /// <summary>OFDM symbols of the shared channel in the slot (N_symb^sh). 1..14, default 12.</summary>
    public int Symbols { get; set; } = 12;

    /// <summary>DM-RS REs per PRB in the allocation (N_DMRS^PRB, with CDM groups without data). Default 12 (one symbol, type 1).</summary>
    public int DmrsResourceElementsPerPrb { get; set; } = 12;

    /// <summary>xOverhead REs per PRB for the TBS (N_oh^PRB): 0, 6, 12 or 18. Default 0.</summary>
    public int Overhead { get; set; }

    /// <summary>Es/N0 of the AWGN channel in dB. −20..60, default 30.</summary>
    public double SnrDb { get; set; } = 30;

    /// <summary>The bbdev device: a device name (<c>baseband_sw0</c>) or a driver name (its first device). Default <c>baseband_sw</c>.</summary>
    public string Device { get; set; } = "baseband_sw";

    /// <summary>Worker threads (lcores); cell c runs on lcore c mod Lcores. 1..Cells, default 1.</summary>
    public int Lcores { get; set; } = 1;

    /// <summary>Most ops per enqueue call. 1..512, default 32.</summary>
    public int BurstSize { get; set; } = 32;

    /// <summary>Decoder iteration limit (early termination is on). 1..the device's limit, default 8.</summary>
    public int IterMax { get; set; } = 8;

    /// <summary>Transmissions per transport block including the first, with rv 0, 2, 3, 1. 1..4, default 4.</summary>
    public int MaxTransmissions { get; set; } = 4;

    /// <summary>Downlink encode in transport-block or code-block mode. Default transport-block.</summary>
    public EncodeMode EncodeMode { get; set; } = EncodeMode.TransportBlock;

    /// <summary>LDPC base graph: 0 selects it as TS 38.212 7.2.2 does (the default), 1 or 2 forces it.</summary>
    public int BaseGraph { get; set; }

    /// <summary>Seed of the payload and noise generators (each cell derives its own). Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The slot duration the processing time is held against, in microseconds. Default 500 (30 kHz subcarrier spacing).</summary>
    public double SlotMicroseconds { get; set; } = 500;

    /// <summary>
    /// Factor on the LLRs before they are quantised to the device's fixed-point format, in (0, 64]. Default 1: true
    /// LLRs in the format the device states (<c>LdpcDecCapability.LlrDecimals</c>, S8.3 on <c>baseband_sw</c>), which
    /// is the scale a device's decoder is built for.
    /// </summary>
    public double LlrGain { get; set; } = 1;

    /// <summary>How slot processing time is measured: wall clock (the default) or the lcore thread's CPU time.</summary>
    public SlotClock SlotClock { get; set; } = SlotClock.Wall;

    /// <summary>A copy of these options.</summary>
    public PipelineOptions Clone() => (PipelineOptions)MemberwiseClone();
}
