using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev;

/// <summary>Size queries over an op's buffer chain, for validation and drivers.</summary>
public static class BbdevOpDataExtensions
{
    /// <summary>Bytes of data available from <see cref="BbdevOpData.Offset"/> to the end of the chain's data.</summary>
    public static int AvailableInput(this BbdevOpData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Data is null ? 0 : data.Data.TotalLength - data.Offset;
    }

    /// <summary>Bytes of room for output from <see cref="BbdevOpData.Offset"/> to the end of the chain's data rooms.</summary>
    public static int AvailableRoom(this BbdevOpData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long room = -data.Offset;
        for (DataBuffer? segment = data.Data; segment is not null; segment = segment.Next)
        {
            room += segment.Capacity - segment.DataOffset;
        }

        return (int)Math.Clamp(room, 0, int.MaxValue);
    }
}
