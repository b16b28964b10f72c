using System.Diagnostics;
using System.Runtime.InteropServices;

namespace VranPipeline.Pipeline;

/// <summary>The calling thread's CPU time in nanoseconds (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsSupported => OperatingSystem.IsLinux();

    public static long Nanoseconds()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out Timespec time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    /// <summary>A timestamp of the chosen clock, in nanoseconds.</summary>
    public static long Now(bool threadCpu) =>
        threadCpu ? Nanoseconds() : (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int clock_gettime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
