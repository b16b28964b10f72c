namespace VranPipeline.Pipeline;

/// <summary>The fate of one transport block.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Ue">The UE within the cell.</param>
/// <param name="FirstSlot">The slot of its first transmission.</param>
/// <param name="LastSlot">The slot of its last transmission.</param>
/// <param name="Transmissions">Transmissions sent, 1..MaxTransmissions.</param>
/// <param name="Delivered">Whether the receiver's CRC checks passed.</param>
/// <param name="BitExact">Whether the decoded payload equals the sent payload (false with <paramref name="Delivered"/> true is an undetected error).</param>
/// <param name="MaxIterations">The most decoder iterations any of its code blocks took in the last transmission.</param>
public readonly record struct TransportBlockReport(int Cell, int Ue, int FirstSlot, int LastSlot, int Transmissions, bool Delivered, bool BitExact, int MaxIterations);
