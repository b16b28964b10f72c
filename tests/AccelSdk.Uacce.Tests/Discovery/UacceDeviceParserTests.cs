using System.Globalization;
using AccelSdk.Uacce.Discovery;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Uacce.Tests.Discovery;

/// <summary>The parser's number and version rules, as properties.</summary>
public sealed class UacceDeviceParserTests
{
    [Property]
    public bool Decimal_RoundTripsEveryLong(long value) =>
        UacceDeviceParser.TryParseInteger(value.ToString(CultureInfo.InvariantCulture), signed: true, long.MinValue, long.MaxValue, out long parsed)
        && parsed == value;

    [Property]
    public bool Hex_RoundTripsEveryUInt32(uint value) =>
        UacceDeviceParser.TryParseInteger($"0x{value:x}", signed: false, 0, uint.MaxValue, out long parsed) && parsed == value;

    [Property]
    public bool Octal_RoundTripsEveryUInt32(uint value) =>
        UacceDeviceParser.TryParseInteger("0" + Convert.ToString(value, 8), signed: false, 0, uint.MaxValue, out long parsed) && parsed == value;

    [Property]
    public bool Range_IsEnforced(int value, int min, int max)
    {
        bool inRange = value >= min && value <= max;
        bool ok = UacceDeviceParser.TryParseInteger(value.ToString(CultureInfo.InvariantCulture), signed: true, min, max, out long parsed);
        return ok == inRange && (!ok || parsed == value);
    }

    [Theory]
    [InlineData("-5", false)]
    [InlineData("+5", false)]
    [InlineData("5x", false)]
    [InlineData("0x1g", false)]
    [InlineData("", false)]
    [InlineData("  7 ", true)]
    public void Unsigned_RejectsSignsAndTrailingCharacters(string text, bool ok) =>
        Assert.Equal(ok, UacceDeviceParser.TryParseInteger(text, signed: false, 0, long.MaxValue, out _));

    [Fact]
    public void Signed_ReachesBothEnds()
    {
        Assert.True(UacceDeviceParser.TryParseInteger("-2147483648", signed: true, int.MinValue, int.MaxValue, out long min));
        Assert.Equal(int.MinValue, min);
        Assert.False(UacceDeviceParser.TryParseInteger("-2147483649", signed: true, int.MinValue, int.MaxValue, out _));
        Assert.False(UacceDeviceParser.TryParseInteger("2147483648", signed: true, int.MinValue, int.MaxValue, out _));
        Assert.True(UacceDeviceParser.TryParseInteger("-0", signed: true, 0, 10, out long zero));
        Assert.Equal(0, zero);
        Assert.False(UacceDeviceParser.TryParseInteger("-1", signed: true, 0, 10, out _));
    }

    [Theory]
    [InlineData("hisi_qm_v5", 5)]
    [InlineData("hisi_qm_v12", 12)]
    [InlineData("hisi_qm_v05", 5)]
    [InlineData("hisi_qm_v", 0)]
    [InlineData("v5", 0)]
    [InlineData("hisi_qm", 0)]
    [InlineData("hisi_qm_v5a", 0)]
    [InlineData("virt_v2x", 0)]
    [InlineData("qm_v99999999999", 0)]
    public void ApiVersion_FollowsDpdksRule(string api, int version) =>
        Assert.Equal(version, UacceDeviceParser.ParseApiVersion(api));

    [Property]
    public Property ApiVersion_IsTheNumberAfterTheLastV() =>
        Prop.ForAll(
            Gen.Elements("hisi_qm_", "a", "qdma_fec_", "x_v1_").ToArbitrary(),
            Gen.Choose(1, int.MaxValue).ToArbitrary(),
            (prefix, version) => UacceDeviceParser.ParseApiVersion($"{prefix}v{version}") == version);
}
