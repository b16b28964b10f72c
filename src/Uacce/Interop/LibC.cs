using System.Runtime.InteropServices;

namespace AccelSdk.Uacce.Interop;

/// <summary>
/// The few libc calls a UACCE queue needs. Every import sets the last P/Invoke error, read with
/// <see cref="Marshal.GetLastPInvokeError"/> right after a failed call.
/// </summary>
/// <remarks>
/// <c>open</c> and <c>ioctl</c> are variadic in C. Calling them with fixed integer/pointer arguments is sound on the
/// Linux x86-64 and arm64 ABIs, where variadic integer arguments travel in the same registers as fixed ones.
/// The constants are the Linux values shared by x86-64 and arm64.
/// </remarks>
internal static unsafe partial class LibC
{
    public const int ORdWr = 0x2;
    public const int OCloExec = 0x80000;
    public const int ProtRead = 0x1;
    public const int ProtWrite = 0x2;
    public const int MapShared = 0x1;
    public const short PollIn = 0x1;

    /// <summary><c>MAP_FAILED</c>.</summary>
    public static readonly nint MapFailed = -1;

    private const string Library = "libc";

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, nint argument);

    [LibraryImport(Library, EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport(Library, EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    /// <summary><c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
