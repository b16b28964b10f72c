namespace AccelSdk.Cli.DmaPerf;

/// <summary>The options of <c>accel dma-perf</c> (after DPDK's test-dma-perf: buffer size, kick batch, ring size, memory per side).</summary>
internal sealed record DmaPerfOptions
{
    /// <summary>Device name, or devargs of a virtual device to create (<c>dma_sw</c>, <c>dma_sw0,simd=128</c>, <c>hisi_zip-0-dma0</c>).</summary>
    public string Device { get; init; } = "dma_sw";

    /// <summary>Whether to host the in-process HiSilicon data-move model on the UACCE bus (its devices are <c>hisi_zip-N-dma0</c>).</summary>
    public bool UacceModel { get; init; }

    /// <summary>Copy sizes in bytes (DPDK's <c>buf_size</c>).</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [64, 256, 1024, 4096, 16384, 65536, 262144, 1048576];

    /// <summary>Jobs per submit-and-harvest (DPDK's <c>kick_batch</c>).</summary>
    public IReadOnlyList<int> Bursts { get; init; } = [32];

    /// <summary>Vchan counts; jobs go to the vchans in turn.</summary>
    public IReadOnlyList<int> Vchans { get; init; } = [1];

    /// <summary>Ring size per vchan (DPDK's <c>dma_ring_size</c>), clamped to the device's range.</summary>
    public int RingSize { get; init; } = 4096;

    /// <summary>Memory per side in MiB (DPDK's <c>mem_size</c>): the buffers cycled through.</summary>
    public int MemSizeMiB { get; init; } = 16;

    /// <summary>Seconds per measurement (DPDK's <c>test_seconds</c>).</summary>
    public double Seconds { get; init; } = 0.25;

    /// <summary>Alternating CPU/DMA measurement rounds per case; medians are reported (the ratio is the median of the rounds' ratios).</summary>
    public int Rounds { get; init; } = 7;

    /// <summary>Whether each DMA run's destinations are checked against the sources.</summary>
    public bool Verify { get; init; } = true;

    /// <summary>Where to write machine-readable results, or null.</summary>
    public string? JsonPath { get; init; }
}
