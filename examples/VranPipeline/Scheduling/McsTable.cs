namespace VranPipeline.Scheduling;

/// <summary>The PDSCH/PUSCH MCS index tables of TS 38.214 5.1.3.1.</summary>
public enum McsTable
{
    /// <summary>Table 5.1.3.1-1, up to 64QAM (<c>mcs-Table</c> absent), MCS 0..28.</summary>
    Qam64,

    /// <summary>Table 5.1.3.1-2, up to 256QAM (<c>mcs-Table = qam256</c>), MCS 0..27.</summary>
    Qam256,

    /// <summary>Table 5.1.3.1-3, 64QAM with low spectral efficiency entries (<c>mcs-Table = qam64LowSE</c>), MCS 0..28.</summary>
    Qam64LowSe,
}
