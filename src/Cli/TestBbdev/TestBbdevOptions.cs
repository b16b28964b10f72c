namespace AccelSdk.Cli.TestBbdev;

/// <summary>The options of <c>accel test-bbdev</c>, named as in DPDK's test-bbdev.</summary>
internal sealed record TestBbdevOptions
{
    public required IReadOnlyList<string> Vectors { get; init; }

    public IReadOnlyList<TestCaseKind> TestCases { get; init; } = [TestCaseKind.Validation];

    /// <summary>Ops per queue (per lcore) (<c>-n</c>, default 64).</summary>
    public int NumOps { get; init; } = 64;

    /// <summary>Enqueue/dequeue burst (<c>-b</c>, default 32, at most 4096).</summary>
    public int BurstSize { get; init; } = 32;

    /// <summary>
    /// Run every test case once per burst size (<c>--burst-sizes 1,32,256,1024,4096</c>), each with at least that many
    /// ops; empty: <see cref="BurstSize"/> only. For a batching driver the burst is the batch.
    /// </summary>
    public IReadOnlyList<int> BurstSizes { get; init; } = [];

    /// <summary>Worker threads (lcores), one queue each, for throughput (<c>-l</c>, default 1).</summary>
    public int Lcores { get; init; } = 1;

    /// <summary>Decoder iteration limit (<c>-t</c>, default 6).</summary>
    public int IterMax { get; init; } = 6;

    /// <summary>SNR in dB for the BLER test (<c>-s</c>).</summary>
    public double SnrDb { get; init; }

    /// <summary>SNR points of the BLER test in dB (<c>--snr-range A:B:STEP</c>); empty = the single <see cref="SnrDb"/>.</summary>
    public IReadOnlyList<double> SnrRange { get; init; } = [];

    /// <summary>Decoder iteration limits the BLER test sweeps (<c>--bler-iterations</c>); empty = the single <see cref="IterMax"/>.</summary>
    public IReadOnlyList<int> BlerIterations { get; init; } = [];

    /// <summary>Where to write the BLER-vs-SNR plot (.svg or .png), or null.</summary>
    public string? PlotPath { get; init; }

    /// <summary>Device name or devargs (<c>--device</c>, default baseband_sw).</summary>
    public string Device { get; init; } = "baseband_sw";

    /// <summary>SIMD width for software drivers (<c>--simd</c>): auto, 512, 256, 128, scalar; null = driver default.</summary>
    public string? Simd { get; init; }

    /// <summary>Repetitions of the throughput loop (DPDK uses 100).</summary>
    public int Repetitions { get; init; } = 100;

    /// <summary>Where to write machine-readable results, or null.</summary>
    public string? JsonPath { get; init; }
}
