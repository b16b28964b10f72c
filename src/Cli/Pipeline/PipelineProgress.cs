using System.Globalization;
using VranPipeline.Pipeline;

namespace AccelSdk.Cli.Pipeline;

/// <summary>
/// Counts the pipeline's events on the lcore threads (lock-free) for the live view, and writes plain progress lines
/// when the output is not a terminal.
/// </summary>
internal sealed class PipelineProgress(int cells, int slots, TextWriter? plain, string label) : IPipelineObserver
{
    private readonly int[] _slots = new int[cells];
    private readonly int[] _blocks = new int[cells];
    private readonly int[] _retransmitted = new int[cells];
    private readonly int[] _dropped = new int[cells];
    private readonly int _lineEvery = Math.Max(1, slots / 5);
    private readonly Lock _writeLock = new();

    public int SlotsDone(int cell) => Volatile.Read(ref _slots[cell]);

    public int TotalSlotsDone()
    {
        int total = 0;
        for (int c = 0; c < _slots.Length; c++)
        {
            total += Math.Min(slots, SlotsDone(c));
        }

        return total;
    }

    public string Describe(int cell) => string.Create(CultureInfo.InvariantCulture,
        $"{label}cell {cell}: {Volatile.Read(ref _blocks[cell])} TBs, {Volatile.Read(ref _retransmitted[cell])} needed HARQ, {Volatile.Read(ref _dropped[cell])} dropped");

    public void SlotCompleted(int cell, int slot, double processingMicroseconds)
    {
        int done = Interlocked.Increment(ref _slots[cell]);
        if (plain is not null && done <= slots && done % _lineEvery == 0)
        {
            lock (_writeLock)
            {
                plain.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Describe(cell)}, slot {done}/{slots}"));
            }
        }
    }

    public void TransportBlockCompleted(in TransportBlockReport report, ReadOnlySpan<byte> sent, ReadOnlySpan<byte> received)
    {
        Interlocked.Increment(ref _blocks[report.Cell]);
        if (report.Transmissions > 1)
        {
            Interlocked.Increment(ref _retransmitted[report.Cell]);
        }

        if (!report.Delivered)
        {
            Interlocked.Increment(ref _dropped[report.Cell]);
        }
    }
}
