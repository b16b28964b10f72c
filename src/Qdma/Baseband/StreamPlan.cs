using System.Runtime.CompilerServices;
using AccelSdk.Bbdev;
using AccelSdk.Core.Buffers;
using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Baseband;

/// <summary>
/// One stream of a job over an op's buffer chain: for an input, <see cref="Length"/> bytes of data from the op's
/// offset; for an output, <see cref="Length"/> bytes of room from the op's offset. Each chain segment becomes one
/// descriptor (or several when it is longer than the device's largest descriptor).
/// </summary>
internal struct StreamPlan
{
    /// <summary>The op's buffer, or null for an absent stream.</summary>
    public BbdevOpData? Data;

    /// <summary>Bytes of data (input) or room (output) the stream covers.</summary>
    public int Length;

    /// <summary>Descriptors it takes; 0 for an absent or empty stream, −1 when the chain is too short.</summary>
    public int Segments;

    /// <summary>The stream's descriptor tag.</summary>
    public QdmaStream Stream;

    /// <summary>Whether the stream reads the chain's data (input) or fills its room (output).</summary>
    public bool IsOutput;

    /// <summary>Plans an input stream of <paramref name="length"/> bytes of <paramref name="data"/>.</summary>
    public static StreamPlan ForInput(BbdevOpData? data, int length, QdmaStream stream, int maxSegmentBytes) =>
        Plan(data, length, stream, isOutput: false, maxSegmentBytes);

    /// <summary>Plans an output stream of <paramref name="length"/> bytes of room in <paramref name="data"/>.</summary>
    public static StreamPlan ForOutput(BbdevOpData? data, int length, QdmaStream stream, int maxSegmentBytes) =>
        Plan(data, length, stream, isOutput: true, maxSegmentBytes);

    /// <summary>
    /// Walks the stream's pieces: each call returns the next (segment, byte offset in its room, length), at most
    /// <paramref name="maxSegmentBytes"/> long. <paramref name="cursor"/> starts default.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool TryNext(ref Cursor cursor, int maxSegmentBytes, out DataBuffer segment, out int roomOffset, out int length)
    {
        if (cursor.Segment is null)
        {
            if (cursor.Started || Data?.Data is null || Length == 0)
            {
                segment = null!;
                roomOffset = length = 0;
                return false;
            }

            cursor.Started = true;
            cursor.Segment = Data.Data;
            cursor.Skip = Data.Offset;
            cursor.Left = Length;
        }

        while (cursor.Segment is not null && cursor.Left > 0)
        {
            DataBuffer current = cursor.Segment;
            int span = IsOutput ? current.Capacity - current.DataOffset : current.DataLength;
            if (cursor.Skip >= span)
            {
                cursor.Skip -= span;
                cursor.Segment = current.Next;
                continue;
            }

            int take = Math.Min(Math.Min(cursor.Left, span - cursor.Skip), maxSegmentBytes);
            segment = current;
            roomOffset = current.DataOffset + cursor.Skip;
            length = take;
            cursor.Left -= take;
            cursor.Skip += take;
            if (cursor.Skip >= span)
            {
                cursor.Skip = 0;
                cursor.Segment = current.Next;
            }

            return true;
        }

        cursor.Segment = null;
        segment = null!;
        roomOffset = length = 0;
        return false;
    }

    /// <summary>
    /// Output streams: records that the device wrote <paramref name="produced"/> bytes from the op's offset: sets the
    /// op's length and grows the data length of every segment written (the bbdev "append" convention).
    /// </summary>
    public static void Append(BbdevOpData data, int produced)
    {
        data.Length = produced;
        int skip = data.Offset;
        int left = produced;
        for (DataBuffer? segment = data.Data; segment is not null && left > 0; segment = segment.Next)
        {
            int room = segment.Capacity - segment.DataOffset;
            if (skip >= room)
            {
                // Skipped whole by the offset: the reader skips data, so the data must cover it.
                segment.DataLength = room;
                skip -= room;
                continue;
            }

            int take = Math.Min(left, room - skip);
            segment.DataLength = Math.Max(segment.DataLength, skip + take);
            left -= take;
            skip = 0;
        }
    }

    private static StreamPlan Plan(BbdevOpData? data, int length, QdmaStream stream, bool isOutput, int maxSegmentBytes)
    {
        var plan = new StreamPlan { Data = data, Length = length, Stream = stream, IsOutput = isOutput };
        if (data?.Data is null || length <= 0)
        {
            plan.Length = 0;
            return plan;
        }

        int count = 0;
        int skip = data.Offset;
        int left = length;
        for (DataBuffer? segment = data.Data; segment is not null && left > 0; segment = segment.Next)
        {
            int span = isOutput ? segment.Capacity - segment.DataOffset : segment.DataLength;
            if (skip >= span)
            {
                skip -= span;
                continue;
            }

            int take = Math.Min(left, span - skip);
            count += (take + maxSegmentBytes - 1) / maxSegmentBytes;
            left -= take;
            skip = 0;
        }

        plan.Segments = left > 0 ? -1 : count;
        return plan;
    }

    /// <summary>Position of a walk over a stream's pieces.</summary>
    public struct Cursor
    {
        /// <summary>The segment the next piece starts in.</summary>
        public DataBuffer? Segment;

        /// <summary>Bytes of that segment's data (or room) already behind the cursor.</summary>
        public int Skip;

        /// <summary>Bytes of the stream still to walk.</summary>
        public int Left;

        /// <summary>Whether the walk has begun.</summary>
        public bool Started;
    }
}
