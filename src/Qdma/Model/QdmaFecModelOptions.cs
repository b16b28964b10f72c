using System.Globalization;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Model;

/// <summary>
/// How the emulated QDMA FEC card is built: its queues and engines, ring sizes, limits and modelled latency.
/// Validated when a <see cref="QdmaFecModel"/> is created; the model keeps a copy.
/// </summary>
public sealed class QdmaFecModelOptions
{
    /// <summary>Largest <see cref="MaxSegmentBytes"/>: QDMA's 28-bit descriptor length field.</summary>
    public const int MaxSegmentBytesLimit = (1 << 28) - 1;

    /// <summary>Hardware queues (QDMA queue sets) the card offers, in [1, 2048]. Default 8.</summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>
    /// Engine threads, in [1, 64]; queue q runs on engine q mod <see cref="EngineCount"/>, so with as many engines as
    /// queues each queue has its own engine (the default, 8). Threads start when their first queue opens.
    /// </summary>
    public int EngineCount { get; set; } = 8;

    /// <summary>
    /// Modelled pipeline latency: a job's completion entry becomes visible no sooner than this after the engine fetched
    /// the job (outputs are written at once). Zero (default) completes as soon as the work is done. In [0, 1 s].
    /// </summary>
    public TimeSpan EngineLatency { get; set; }

    /// <summary>H2C ring size (64-byte descriptors, the status slot included): a value of QDMA's ring-size table. Default 4097.</summary>
    public int H2cRingSize { get; set; } = 4097;

    /// <summary>C2H ring size (16-byte descriptors, the status slot included): a value of QDMA's ring-size table. Default 4097.</summary>
    public int C2hRingSize { get; set; } = 4097;

    /// <summary>Completion ring size (16-byte entries, the status slot included): a value of QDMA's ring-size table. Default 4097.</summary>
    public int CmptRingSize { get; set; } = 4097;

    /// <summary>Most H2C (or C2H) descriptors one job may use, in [2, 256]. Default 64.</summary>
    public int MaxSegmentsPerJob { get; set; } = 64;

    /// <summary>
    /// Largest length of one descriptor in bytes, in [4096, <see cref="MaxSegmentBytesLimit"/>]. Default 65535, the
    /// QDMA stream-descriptor limit: longer buffers take several descriptors.
    /// </summary>
    public int MaxSegmentBytes { get; set; } = 65535;

    /// <summary>Largest decoder iteration limit the engine accepts, in [1, 255]. Default 100.</summary>
    public int MaxIterations { get; set; } = 100;

    /// <summary>Whether the card has the encoder pipeline: LDPC and LTE turbo encode (algorithms <c>ldpc_enc</c>, <c>turbo_enc</c>). Default true.</summary>
    public bool EnableEncoder { get; set; } = true;

    /// <summary>Whether the card has the decoder pipeline: LDPC and LTE turbo decode (algorithms <c>ldpc_dec</c>, <c>turbo_dec</c>). Default true.</summary>
    public bool EnableDecoder { get; set; } = true;

    /// <summary>Whether a stream may span several descriptors (reported as the scatter-gather feature). Default true.</summary>
    public bool ScatterGather { get; set; } = true;

    /// <summary>
    /// Whether the card works without an IOMMU (UACCE <c>NOIOMMU</c>: descriptors carry bus addresses assigned when
    /// memory is registered) instead of with shared virtual addressing (default false).
    /// </summary>
    public bool NoIommu { get; set; }

    /// <summary>
    /// Under SVA, whether the card reaches only memory registered with its address space (default true: a descriptor
    /// with any other address completes with a DMA error, the way an IOMMU faults an unmapped page).
    /// </summary>
    public bool RequireRegisteredMemory { get; set; } = true;

    /// <summary>NUMA node published for the card; −1 (default) for unknown.</summary>
    public int NumaNode { get; set; } = -1;

    /// <summary>SIMD width of the engines' LDPC kernels. Default <see cref="SimdWidth.Auto"/>.</summary>
    public SimdWidth Simd { get; set; } = SimdWidth.Auto;

    /// <summary>
    /// Empty polls an engine spins through before it parks (a parked engine is woken by the next doorbell, at the cost
    /// of a thread wake-up), in [0, 1000000]. Default 64. A large value models a card that never sleeps: lower
    /// latency, a core kept busy.
    /// </summary>
    public int EngineIdleSpins { get; set; } = 64;

    /// <summary>Jobs an engine takes from one queue before it serves the next, in [1, 4096]. Default 32.</summary>
    public int JobsPerPoll { get; set; } = 32;

    /// <summary>Creates the code-block engine of each queue; tests substitute a stand-in.</summary>
    internal Func<SimdWidth, ILdpcCodeBlockEngine>? EngineFactory { get; set; }

    internal QdmaFecModelOptions Validated()
    {
        Check(QueueCount, 1, 2048, nameof(QueueCount));
        Check(EngineCount, 1, 64, nameof(EngineCount));
        if (EngineLatency < TimeSpan.Zero || EngineLatency > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(EngineLatency), EngineLatency,
                string.Create(CultureInfo.InvariantCulture, $"{nameof(EngineLatency)} must be in [0, 1000] ms; got {EngineLatency.TotalMilliseconds} ms."));
        }

        CheckRing(H2cRingSize, nameof(H2cRingSize));
        CheckRing(C2hRingSize, nameof(C2hRingSize));
        CheckRing(CmptRingSize, nameof(CmptRingSize));
        Check(MaxSegmentsPerJob, 2, 256, nameof(MaxSegmentsPerJob));
        Check(MaxSegmentBytes, 4096, MaxSegmentBytesLimit, nameof(MaxSegmentBytes));
        Check(MaxIterations, 1, 255, nameof(MaxIterations));
        Check(NumaNode, -1, 1023, nameof(NumaNode));
        Check(JobsPerPoll, 1, 4096, nameof(JobsPerPoll));
        Check(EngineIdleSpins, 0, 1_000_000, nameof(EngineIdleSpins));
        if (!EnableEncoder && !EnableDecoder)
        {
            throw new ArgumentException($"A QDMA FEC card needs at least one pipeline: {nameof(EnableEncoder)} or {nameof(EnableDecoder)}.");
        }

        if (!Enum.IsDefined(Simd))
        {
            throw new ArgumentOutOfRangeException(nameof(Simd), Simd, $"{nameof(Simd)} must be a {nameof(SimdWidth)} value.");
        }

        return (QdmaFecModelOptions)MemberwiseClone();
    }

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}]; got {value}.");
        }
    }

    private static void CheckRing(int value, string name)
    {
        if (!QdmaRingSizes.IsValid(value))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must be one of QDMA's ring sizes (descriptor slots + 1 status slot): {QdmaRingSizes.Describe()}; got {value}.");
        }
    }
}
