namespace VranPipeline.Pipeline;

/// <summary>One cell's results over a run.</summary>
public sealed record CellResult
{
    /// <summary>The cell.</summary>
    public int Cell { get; init; }

    /// <summary>The lcore (worker thread) that ran it.</summary>
    public int Lcore { get; init; }

    /// <summary>The encoder (downlink) queue.</summary>
    public int EncodeQueue { get; init; }

    /// <summary>The decoder (uplink) queue.</summary>
    public int DecodeQueue { get; init; }

    /// <summary>Its UEs.</summary>
    public IReadOnlyList<UeResult> Ues { get; init; } = [];

    /// <summary>Slot processing times.</summary>
    public SlotTimeStatistics SlotTimes { get; init; } = new();

    /// <summary>Slots run (new transmissions in the configured slots, then retransmissions until none is pending).</summary>
    public int SlotsRun { get; init; }

    /// <summary>New transport blocks, over the UEs.</summary>
    public int TransportBlocks => Ues.Sum(u => u.TransportBlocks);

    /// <summary>First-transmission failures, over the UEs.</summary>
    public int FirstTransmissionFailures => Ues.Sum(u => u.FirstTransmissionFailures);

    /// <summary>Transport blocks given up, over the UEs.</summary>
    public int Dropped => Ues.Sum(u => u.Dropped);

    /// <summary>Transport blocks recovered by retransmissions, over the UEs.</summary>
    public int RecoveredByHarq => Ues.Sum(u => u.RecoveredByHarq);

    /// <summary>Undetected errors, over the UEs.</summary>
    public int UndetectedErrors => Ues.Sum(u => u.UndetectedErrors);

    /// <summary>Transmissions, over the UEs.</summary>
    public int Transmissions => Ues.Sum(u => u.Transmissions);

    /// <summary>Payload bits delivered, over the UEs.</summary>
    public long DeliveredBits => Ues.Sum(u => u.DeliveredBits);

    /// <summary>BLER after the first transmission: first-transmission failures / transport blocks.</summary>
    public double FirstTransmissionBler => TransportBlocks == 0 ? 0 : (double)FirstTransmissionFailures / TransportBlocks;

    /// <summary>Residual BLER after HARQ: transport blocks not delivered bit-exact / transport blocks.</summary>
    public double ResidualBler => TransportBlocks == 0 ? 0 : (double)(Dropped + UndetectedErrors) / TransportBlocks;

    /// <summary>Goodput over the air in Mbit/s: delivered bits over the slots run at the slot duration.</summary>
    public double GoodputMbps => SlotsRun == 0 ? 0 : DeliveredBits / (SlotsRun * SlotTimes.DeadlineMicroseconds);
}
