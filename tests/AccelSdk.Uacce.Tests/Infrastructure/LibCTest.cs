using System.Runtime.InteropServices;

namespace AccelSdk.Uacce.Tests.Infrastructure;

/// <summary>What the tests ask the OS directly.</summary>
internal static partial class LibCTest
{
    public static bool IsRoot => GetEffectiveUserId() == 0;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
