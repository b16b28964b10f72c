namespace VranPipeline.Pipeline;

/// <summary>Per-UE counts over a run.</summary>
public sealed record UeResult
{
    /// <summary>The cell.</summary>
    public int Cell { get; init; }

    /// <summary>The UE within the cell.</summary>
    public int Ue { get; init; }

    /// <summary>New transport blocks sent.</summary>
    public int TransportBlocks { get; init; }

    /// <summary>Transport blocks whose first transmission failed the CRC.</summary>
    public int FirstTransmissionFailures { get; init; }

    /// <summary>Transport blocks delivered bit-exact, at any transmission.</summary>
    public int Delivered { get; init; }

    /// <summary>Transport blocks delivered on a retransmission (HARQ combining recovered them).</summary>
    public int RecoveredByHarq { get; init; }

    /// <summary>Transport blocks given up after the last transmission.</summary>
    public int Dropped { get; init; }

    /// <summary>Transport blocks whose CRC passed with wrong bits (undetected errors; not counted as delivered).</summary>
    public int UndetectedErrors { get; init; }

    /// <summary>Transmissions sent, first ones and retransmissions.</summary>
    public int Transmissions { get; init; }

    /// <summary>Payload bits delivered bit-exact.</summary>
    public long DeliveredBits { get; init; }

    /// <summary>Delivered transport blocks by the transmission that delivered them (index 0 = first transmission).</summary>
    public IReadOnlyList<int> DeliveredAtTransmission { get; init; } = [];
}
