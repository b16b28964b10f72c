namespace AccelSdk.Uacce.Discovery;

/// <summary>A parsed device with its warnings, or the reason it was skipped.</summary>
internal sealed record ParseOutcome(UacceDevice? Device, string? SkipReason, IReadOnlyList<string> Warnings)
{
    public static ParseOutcome Skip(string reason) => new(null, reason, []);
}
