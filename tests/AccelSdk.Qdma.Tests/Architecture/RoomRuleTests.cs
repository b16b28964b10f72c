using System.Reflection;

namespace AccelSdk.Qdma.Tests.Architecture;

/// <summary>
/// DESIGN.md's rooms, checked on the compiled code: the driver (and its queue machinery) never touches the device
/// model, so the same code would drive a real card; the model never touches the driver or the bbdev API, only the
/// FEC kernels, the UACCE model framework and the device contract (the hardware folder) both sides share.
/// </summary>
public sealed class RoomRuleTests
{
    private static readonly Assembly s_qdma = typeof(Qdma.Baseband.BasebandQdmaDriver).Assembly;

    [Fact]
    public void Driver_NeverReferencesTheModel()
    {
        var references = TypeReferenceScanner.References(s_qdma, "AccelSdk.Qdma.Baseband", "AccelSdk.Qdma.Queues");
        Assert.Contains(references, r => r.To == typeof(Bbdev.BbdevDevice)); // the scan sees real references
        string[] forbidden = references
            .Where(r => InNamespace(r.To, "AccelSdk.Qdma.Model") || InNamespace(r.To, "AccelSdk.Uacce.Models"))
            .Select(r => $"{r.From.FullName} -> {r.To.FullName}")
            .Distinct()
            .ToArray();
        Assert.Empty(forbidden);
    }

    [Fact]
    public void Model_NeverReferencesTheDriverOrTheBbdevApi()
    {
        var references = TypeReferenceScanner.References(s_qdma, "AccelSdk.Qdma.Model");
        Assert.Contains(references, r => r.To == typeof(Bbdev.Fec.Ldpc.LdpcCodeBlockEngine));
        string[] forbidden = references
            .Where(r => InNamespace(r.To, "AccelSdk.Qdma.Baseband") || InNamespace(r.To, "AccelSdk.Qdma.Queues")
                || (InNamespace(r.To, "AccelSdk.Bbdev") && !InNamespace(r.To, "AccelSdk.Bbdev.Fec")))
            .Select(r => $"{r.From.FullName} -> {r.To.FullName}")
            .Distinct()
            .ToArray();
        Assert.Empty(forbidden);
    }

    [Fact]
    public void DeviceContract_UsesOnlyTheBclAndTheUacceIoctlEncoding()
    {
        var references = TypeReferenceScanner.References(s_qdma, "AccelSdk.Qdma.Hardware");
        string[] forbidden = references
            .Where(r => r.To.Namespace is { } ns && ns.StartsWith("AccelSdk", StringComparison.Ordinal)
                && !InNamespace(r.To, "AccelSdk.Qdma.Hardware") && r.To != typeof(Uacce.Queues.UacceIoctl))
            .Select(r => $"{r.From.FullName} -> {r.To.FullName}")
            .Distinct()
            .ToArray();
        Assert.Empty(forbidden);
    }

    private static bool InNamespace(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));
}
