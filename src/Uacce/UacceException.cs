namespace AccelSdk.Uacce;

/// <summary>
/// A UACCE control-path operation failed (opening a queue, mapping a region, an ioctl). The message is one line
/// that names the device and the cause, such as <c>UACCE device hisi_zip-0: cannot open queue: permission denied on
/// /dev/hisi_zip-0 (EACCES) ...</c>.
/// </summary>
public sealed class UacceException : Exception
{
    /// <summary>Creates an exception with no device or errno.</summary>
    public UacceException()
        : this(string.Empty, 0, "UACCE operation failed.")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public UacceException(string message)
        : this(string.Empty, 0, message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public UacceException(string message, Exception innerException)
        : base(message, innerException)
    {
        DeviceName = string.Empty;
    }

    /// <summary>Creates an exception for a device and a Linux errno value (0 when no system call failed).</summary>
    public UacceException(string deviceName, int errno, string message)
        : base(message)
    {
        DeviceName = deviceName ?? string.Empty;
        Errno = errno;
    }

    /// <summary>The UACCE device the operation was for (empty when none).</summary>
    public string DeviceName { get; }

    /// <summary>The Linux errno of the failed system call, or 0 (for example 13 for EACCES, 16 for EBUSY).</summary>
    public int Errno { get; }
}
