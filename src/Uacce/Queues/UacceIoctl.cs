namespace AccelSdk.Uacce.Queues;

/// <summary>
/// ioctl request numbers: the generic UACCE commands, and the Linux <c>_IO/_IOR/_IOW/_IOWR</c> encoding for
/// vendor commands (direction in bits 31:30, argument size in 29:16, type in 15:8, number in 7:0).
/// </summary>
public static class UacceIoctl
{
    /// <summary><c>UACCE_CMD_START_Q</c> = <c>_IO('W', 0)</c>: INIT → STARTED.</summary>
    public const uint StartQueue = 0x5700;

    /// <summary><c>UACCE_CMD_PUT_Q</c> = <c>_IO('W', 1)</c>: stop and release the hardware queue now (→ ZOMBIE).</summary>
    public const uint PutQueue = 0x5701;

    private const int SizeMax = (1 << 14) - 1;

    /// <summary><c>_IO(type, number)</c>: a command without an argument block.</summary>
    public static uint None(char type, int number) => Encode(0, type, number, 0);

    /// <summary><c>_IOR(type, number, T)</c>: the kernel writes a <typeparamref name="T"/> to user space.</summary>
    public static unsafe uint Read<T>(char type, int number)
        where T : unmanaged => Encode(2, type, number, sizeof(T));

    /// <summary><c>_IOW(type, number, T)</c>: the kernel reads a <typeparamref name="T"/> from user space.</summary>
    public static unsafe uint Write<T>(char type, int number)
        where T : unmanaged => Encode(1, type, number, sizeof(T));

    /// <summary><c>_IOWR(type, number, T)</c>: the argument block is read and written back.</summary>
    public static unsafe uint ReadWrite<T>(char type, int number)
        where T : unmanaged => Encode(3, type, number, sizeof(T));

    /// <summary>The argument size encoded in bits 29:16 of <paramref name="request"/>.</summary>
    public static int ArgumentSize(uint request) => (int)((request >> 16) & SizeMax);

    private static uint Encode(uint direction, char type, int number, int size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(type, (char)0xFF);
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 0xFF);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, SizeMax);
        return (direction << 30) | ((uint)size << 16) | ((uint)type << 8) | (uint)number;
    }
}
