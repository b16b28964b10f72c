using AccelSdk.Qdma.Model;
using AccelSdk.Qdma.Tests.Infrastructure;

namespace AccelSdk.Qdma.Tests.Model;

/// <summary>Options are checked with messages that name the knob and its range; the card publishes what they say.</summary>
public sealed class QdmaFecModelOptionsTests
{
    [Theory]
    [InlineData(nameof(QdmaFecModelOptions.QueueCount), "[1, 2048]")]
    [InlineData(nameof(QdmaFecModelOptions.H2cRingSize), "65, 129")]
    [InlineData(nameof(QdmaFecModelOptions.MaxSegmentBytes), "[4096,")]
    [InlineData(nameof(QdmaFecModelOptions.EngineLatency), "[0, 1000] ms")]
    public void InvalidOption_IsRejected_NamingTheKnob(string knob, string range)
    {
        var options = new QdmaFecModelOptions();
        switch (knob)
        {
            case nameof(QdmaFecModelOptions.QueueCount): options.QueueCount = 0; break;
            case nameof(QdmaFecModelOptions.H2cRingSize): options.H2cRingSize = 4096; break;
            case nameof(QdmaFecModelOptions.MaxSegmentBytes): options.MaxSegmentBytes = 100; break;
            default: options.EngineLatency = TimeSpan.FromSeconds(2); break;
        }

        var ex = Assert.ThrowsAny<ArgumentException>(() => new QdmaFecModel(options));
        Assert.Contains(knob, ex.Message, StringComparison.Ordinal);
        Assert.Contains(range, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACardWithoutPipelines_IsRejected() =>
        Assert.ThrowsAny<ArgumentException>(() => new QdmaFecModel(new QdmaFecModelOptions { EnableDecoder = false, EnableEncoder = false }));

    [Fact]
    public void TheCard_PublishesTheUacceAttributes()
    {
        using var fixture = new QdmaFixture(o =>
        {
            o.EnableEncoder = false;
            o.QueueCount = 3;
            o.NumaNode = 1;
        });
        Uacce.UacceDevice device = fixture.Context.Device;
        Assert.Equal("qdma_fec-0", device.Name);
        Assert.Equal("qdma_fec_v1", device.Api);
        Assert.Equal(["ldpc_dec", "turbo_dec"], device.Algorithms);
        Assert.Equal(Uacce.UacceAddressMode.Sva, device.AddressMode);
        Assert.Equal(3, device.AvailableInstances);
        Assert.Equal(1, device.NumaNode);
        Assert.Null(fixture.Device.Info.FindCapability(Bbdev.BbdevOpType.LdpcEnc));
        Assert.NotNull(fixture.Device.Info.FindCapability(Bbdev.BbdevOpType.LdpcDec));
        Assert.Null(fixture.Device.Info.FindCapability(Bbdev.BbdevOpType.TurboEnc));
        Assert.NotNull(fixture.Device.Info.FindCapability(Bbdev.BbdevOpType.TurboDec));
    }
}
