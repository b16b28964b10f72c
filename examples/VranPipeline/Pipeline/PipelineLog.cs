using Microsoft.Extensions.Logging;

namespace VranPipeline.Pipeline;

/// <summary>The pipeline's log messages (source-generated, so a disabled level costs a flag check and no allocation).</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Device {Device} ({Driver}; {Engine}): {Cells} cell(s) x {Ues} UE(s) on {Lcores} lcore(s), queues {Queues} of {QueueSize} ops, {Slots} slots at {SnrDb} dB")]
    public static partial void Starting(ILogger logger, string device, string driver, string engine, int cells, int ues, int lcores, int queues, int queueSize, int slots, double snrDb);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Grant: TBS {Tbs} bits ({Mcs}), {Modulation}, {Prbs} PRBs, G {CodedBits} bits, effective rate {Rate:F3}; LDPC BG{BaseGraph}, C {C}, K' {KPrime}, Zc {Zc}, F {Fillers}, E {Ea}/{Eb}; {EncodeMode} encode")]
    public static partial void GrantChosen(ILogger logger, int tbs, string mcs, string modulation, int prbs, int codedBits, double rate, int baseGraph, int c, int kPrime, int zc, int fillers, int ea, int eb, string encodeMode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Cell {Cell} UE {Ue}: TB of slot {Slot} failed transmission {Transmission} (rv {Rv}); retransmitting")]
    public static partial void TransmissionFailed(ILogger logger, int cell, int ue, int slot, int transmission, int rv);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Cell {Cell} UE {Ue}: TB of slot {Slot} recovered by HARQ on transmission {Transmission}")]
    public static partial void Recovered(ILogger logger, int cell, int ue, int slot, int transmission);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Cell {Cell} UE {Ue}: TB of slot {Slot} dropped after {Transmissions} transmissions")]
    public static partial void Dropped(ILogger logger, int cell, int ue, int slot, int transmissions);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Cell {Cell} UE {Ue}: TB of slot {Slot} passed its CRC with wrong bits (undetected error)")]
    public static partial void UndetectedError(ILogger logger, int cell, int ue, int slot);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information,
        Message = "Cell {Cell}: {Blocks} TBs, BLER {FirstBler:P2} first transmission / {ResidualBler:P2} after HARQ ({Recovered} recovered), goodput {Goodput:F1} Mbit/s; slot time median {Median:F0} us, p99 {P99:F0} us, max {Max:F0} us, {Missed} of {Slots} slots over {Deadline} us")]
    public static partial void CellSummary(ILogger logger, int cell, int blocks, double firstBler, double residualBler, int recovered, double goodput, double median, double p99, double max, int missed, int slots, double deadline);
}
