using System.Collections.Immutable;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Tests.Infrastructure;

namespace AccelSdk.Uacce.Tests.Drivers;

/// <summary>DPDK's matching rules: exact api, forward-compatible versions, whole-token algorithm sets, no-IOMMU support.</summary>
public sealed class UacceDriverMatcherTests
{
    [Theory]
    [InlineData("hisi_qm_v5", "hisi_qm_v5", false, true)]
    [InlineData("hisi_qm_v5", "hisi_qm_v6", false, false)]
    [InlineData("hisi_qm_v5", "hisi_qm_v6", true, true)]
    [InlineData("hisi_qm_v5", "hisi_qm_v15", true, true)]
    [InlineData("hisi_qm_v5", "hisi_qm_v3", true, false)]
    [InlineData("hisi_qm_v5", "hisi_qm_v05", true, true)]
    [InlineData("hisi_qm_v5", "hisi_qx_v6", true, false)]
    [InlineData("hisi_qm_v5", "hisi_qmm_v6", true, false)]
    [InlineData("hisi_qm_v5", "hisi_qm_v", true, false)]
    [InlineData("hisi_qm", "hisi_qm_v6", true, false)]
    [InlineData("qm_v0", "qm_v1", true, false)]
    [InlineData("hisi_qm_v5", "HISI_QM_V5", true, false)]
    [InlineData("hisi_qm_v5", "hisi_qm_v5 ", false, false)]
    public void Api_MatchesExactlyOrForwardCompatibly(string idApi, string deviceApi, bool forward, bool expected) =>
        Assert.Equal(expected, UacceDriverMatcher.ApiMatches(idApi, deviceApi, forward));

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "udma" }, true)]
    [InlineData(new[] { "udma", "gzip" }, true)]
    [InlineData(new[] { "udm" }, false)]
    [InlineData(new[] { "udmax" }, false)]
    [InlineData(new[] { "zlib\ngzip" }, false)]
    [InlineData(new[] { "udma", "sm4" }, false)]
    public void Algorithms_AreAWholeTokenSubset(string[] algorithms, bool expected)
    {
        UacceDevice device = Device("hisi_qm_v5", ["udma", "zlib", "gzip"]);
        if (algorithms.Any(a => a.Contains('\n', StringComparison.Ordinal)))
        {
            Assert.Throws<ArgumentException>(() => new UacceDriverId("hisi_qm_v5", algorithms));
            return;
        }

        Assert.Equal(expected, UacceDriverMatcher.AlgorithmsMatch(new UacceDriverId("hisi_qm_v5", algorithms), device));
    }

    [Fact]
    public void FirstMatchingIdWins()
    {
        var driver = new TestDriver("drv", UacceDriverFlags.ForwardCompatible,
            new UacceDriverId("other_v1"),
            new UacceDriverId("hisi_qm_v5", "udma"),
            new UacceDriverId("hisi_qm_v5"));

        UacceDriverId? id = UacceDriverMatcher.Match(driver, Device("hisi_qm_v6", ["udma"]), out _);

        Assert.Equal(driver.IdTable[1], id);
    }

    [Fact]
    public void NoMatch_SaysWhatTheDriverDrives()
    {
        var driver = new TestDriver("dma_uacce", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5", "udma"), new UacceDriverId("echo_v1"));

        Assert.Null(UacceDriverMatcher.Match(driver, Device("hisi_qm_v5", ["zlib"]), out string reason));
        Assert.Equal("dma_uacce drives hisi_qm_v5 [udma]; echo_v1", reason);
    }

    [Fact]
    public void NoIommuDevice_NeedsADriverThatSupportsIt()
    {
        UacceDevice device = Device("hisi_qm_v5", ["udma"]) with { AddressMode = UacceAddressMode.NoIommu, Flags = UacceDeviceFlags.NoIommu };
        var plain = new TestDriver("plain", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5"));
        var capable = new TestDriver("capable", UacceDriverFlags.SupportsNoIommu, new UacceDriverId("hisi_qm_v5"));

        Assert.Null(UacceDriverMatcher.Match(plain, device, out string reason));
        Assert.Equal("plain does not support devices without an IOMMU", reason);
        Assert.NotNull(UacceDriverMatcher.Match(capable, device, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a\nb")]
    public void DriverId_RejectsBadApis(string api) =>
        Assert.ThrowsAny<ArgumentException>(() => new UacceDriverId(api));

    internal static UacceDevice Device(string api, string[] algorithms) => new()
    {
        Name = "dev-0",
        Origin = UacceDeviceOrigin.Kernel,
        Api = api,
        RawApi = api,
        ApiVersion = AccelSdk.Uacce.Discovery.UacceDeviceParser.ParseApiVersion(api),
        Algorithms = [.. algorithms],
        Flags = UacceDeviceFlags.Sva,
        AddressMode = UacceAddressMode.Sva,
    };
}
