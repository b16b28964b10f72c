namespace AccelSdk.Cli.DmaPerf;

/// <summary>One case of <c>accel dma-perf</c>: medians of the DMA runs and of the in-thread <c>Buffer.MemoryCopy</c> runs.</summary>
internal sealed record DmaPerfResult
{
    public required int Size { get; init; }

    public required int Burst { get; init; }

    public required int Vchans { get; init; }

    /// <summary>Buffers cycled through per side.</summary>
    public required int Buffers { get; init; }

    public required double DmaGBps { get; init; }

    public required double DmaMops { get; init; }

    public required double CpuGBps { get; init; }

    public required double CpuMops { get; init; }

    /// <summary>
    /// The median over rounds of DMA bandwidth / CPU bandwidth, each round's pair measured back to back, so that both
    /// sides of a ratio saw the same machine load.
    /// </summary>
    public required double Ratio { get; init; }

    /// <summary>Every round's DMA and CPU bandwidth, for the JSON file.</summary>
    public required IReadOnlyList<double> DmaRoundsGBps { get; init; }

    public required IReadOnlyList<double> CpuRoundsGBps { get; init; }

    /// <summary>Whether every destination matched its source after the DMA runs.</summary>
    public required bool Verified { get; init; }
}
