namespace AccelSdk.Qdma.Model;

/// <summary>
/// Where a queue's rings sit in its DUS region, as the card's kernel driver would lay them out: the H2C ring at 0,
/// the C2H and completion rings each on the next 4 KiB boundary, then one spare page whose last 8 bytes are the
/// UACCE reset words (the HiSilicon QM convention the device-model framework follows).
/// </summary>
internal readonly record struct QdmaDusLayout(uint H2cOffset, uint C2hOffset, uint CmptOffset, long DusSize)
{
    /// <summary>The layout for the given ring sizes (slots including the status slot).</summary>
    public static QdmaDusLayout For(int h2cRingSize, int c2hRingSize, int cmptRingSize)
    {
        long page = Environment.SystemPageSize;
        long h2c = 0;
        long c2h = Align(h2c + ((long)h2cRingSize * Hardware.QdmaH2cDescriptor.Size), 4096);
        long cmpt = Align(c2h + ((long)c2hRingSize * Hardware.QdmaC2hDescriptor.Size), 4096);
        long end = cmpt + ((long)cmptRingSize * Hardware.QdmaCompletionEntry.Size);
        return new QdmaDusLayout((uint)h2c, (uint)c2h, (uint)cmpt, Align(end, page) + page);
    }

    private static long Align(long value, long alignment) => (value + alignment - 1) / alignment * alignment;
}
