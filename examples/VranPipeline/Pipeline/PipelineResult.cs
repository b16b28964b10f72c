using VranPipeline.Configuration;
using VranPipeline.Scheduling;

namespace VranPipeline.Pipeline;

/// <summary>The outcome of a pipeline run.</summary>
public sealed record PipelineResult
{
    /// <summary>The options the run used.</summary>
    public required PipelineOptions Options { get; init; }

    /// <summary>The grant every UE had.</summary>
    public required Grant Grant { get; init; }

    /// <summary>The device name.</summary>
    public required string Device { get; init; }

    /// <summary>The device's driver.</summary>
    public required string Driver { get; init; }

    /// <summary>What the device runs on (its driver's report).</summary>
    public required string Engine { get; init; }

    /// <summary>Per-cell results.</summary>
    public required IReadOnlyList<CellResult> Cells { get; init; }

    /// <summary>Wall-clock time of the whole run in seconds (including the channel model's noise generation).</summary>
    public double WallSeconds { get; init; }

    /// <summary>
    /// Time the busiest lcore spent in slot processing (the timed part of each slot), in seconds: the time the L1
    /// work would take without the channel model.
    /// </summary>
    public double BusiestLcoreSeconds { get; init; }

    /// <summary>Delivered payload bits over all cells.</summary>
    public long DeliveredBits => Cells.Sum(c => c.DeliveredBits);

    /// <summary>L1 processing throughput in Mbit/s: delivered bits over <see cref="BusiestLcoreSeconds"/>.</summary>
    public double ProcessingMbps => BusiestLcoreSeconds == 0 ? 0 : DeliveredBits / BusiestLcoreSeconds / 1e6;

    /// <summary>Goodput over the air in Mbit/s, summed over the cells.</summary>
    public double GoodputMbps => Cells.Sum(c => c.GoodputMbps);

    /// <summary>BLER after the first transmission over all cells.</summary>
    public double FirstTransmissionBler
    {
        get
        {
            int blocks = Cells.Sum(c => c.TransportBlocks);
            return blocks == 0 ? 0 : (double)Cells.Sum(c => c.FirstTransmissionFailures) / blocks;
        }
    }

    /// <summary>Residual BLER after HARQ over all cells.</summary>
    public double ResidualBler
    {
        get
        {
            int blocks = Cells.Sum(c => c.TransportBlocks);
            return blocks == 0 ? 0 : (double)Cells.Sum(c => c.Dropped + c.UndetectedErrors) / blocks;
        }
    }
}
