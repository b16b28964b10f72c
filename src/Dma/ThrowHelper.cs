using System.Diagnostics.CodeAnalysis;

namespace AccelSdk.Dma;

/// <summary>Rare throw paths of the DMA library, kept out of the data-path methods so that those stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowVchanOutOfRange(string device, int vchan, int configured)
    {
        throw new ArgumentOutOfRangeException(nameof(vchan), vchan, configured == 0
            ? $"DMA device {device}: vchan {vchan} does not exist: no vchans are configured (call Configure first)."
            : $"DMA device {device}: vchan {vchan} is out of range [0, {configured - 1}].");
    }

    [DoesNotReturn]
    public static void ThrowNegativeCount(string device, int maxCompletions) =>
        throw new ArgumentOutOfRangeException(nameof(maxCompletions), maxCompletions,
            $"DMA device {device}: maxCompletions must be in [0, {int.MaxValue}]; got {maxCompletions}.");

    [DoesNotReturn]
    public static void ThrowStatusTooShort(string device, int maxCompletions, int length) =>
        throw new ArgumentException(
            $"DMA device {device}: the status span holds {length} entries, fewer than maxCompletions = {maxCompletions}.", "status");

    [DoesNotReturn]
    public static void ThrowSilent(string device, int vchan) =>
        throw new InvalidOperationException(
            $"DMA device {device}: vchan {vchan} is in silent mode (DmaConfigFlags.Silent): the application must not call Completed or CompletedStatus; the device recycles descriptors itself.");
}
