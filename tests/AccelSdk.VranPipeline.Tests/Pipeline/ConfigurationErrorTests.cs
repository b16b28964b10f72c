using Microsoft.Extensions.Options;
using VranPipeline.Configuration;
using VranPipeline.Pipeline;
using VranPipeline.Scheduling;

namespace AccelSdk.VranPipeline.Tests.Pipeline;

public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("Cells", "0", "[1, 64]")]
    [InlineData("Mcs", "28", "[0, 27]")]
    [InlineData("Tbs", "1000000", "[24, 976872]")]
    [InlineData("Tbs", "10001", "multiple of 8")]
    [InlineData("Lcores", "3", "[1, 2]")]
    [InlineData("MaxTransmissions", "5", "[1, 4]")]
    public void InvalidOption_IsOneLineNamingOptionValueAndRange(string option, string value, string range)
    {
        var options = new PipelineOptions();
        switch (option)
        {
            case "Cells": options.Cells = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Mcs": options.Mcs = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Tbs":
                options.Tbs = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                options.BaseGraph = 2;
                options.Prbs = 275;
                options.Modulation = global::VranPipeline.Radio.Modulation.Qam256;
                break;
            case "Lcores": options.Lcores = 3; break;
            case "MaxTransmissions": options.MaxTransmissions = 5; break;
        }

        PipelineOptionError? error = PipelineOptionsValidator.Find(options);
        Assert.NotNull(error);
        Assert.Equal(option, error.Option);
        Assert.Equal(value, error.Value);
        string message = error.Format("--" + option.ToLowerInvariant());
        Assert.DoesNotContain('\n', message);
        Assert.StartsWith($"--{option.ToLowerInvariant()} {value} ", message, StringComparison.Ordinal);
        Assert.Contains(range, message, StringComparison.Ordinal);
        Assert.StartsWith($"Pipeline:{option} = {value} ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TbsAboveWhatThePrbsCarry_NamesTheRateLimit()
    {
        PipelineOptionError? error = PipelineOptionsValidator.Find(new PipelineOptions { Tbs = 3000, Prbs = 10 });
        Assert.NotNull(error);
        Assert.Equal("Tbs", error.Option);
        Assert.Contains("at most 0.95", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TbsThatCannotBeSegmentedEvenly_SuggestsTheNearestSizes()
    {
        // 10000 bits on base graph 1: C = 2, and (10000 + 24) is not a multiple of 16.
        PipelineOptionError? error = PipelineOptionsValidator.Find(new PipelineOptions { Tbs = 10000, Prbs = 100, BaseGraph = 1, Modulation = global::VranPipeline.Radio.Modulation.Qam16 });
        Assert.NotNull(error);
        Assert.Contains("9992 and 10008", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownDevice_NamesTheDevicesThereAre()
    {
        using var host = new PipelineHost(o => o.Device = "baseband_nope0");
        var ex = Assert.Throws<PipelineConfigurationException>(() => host.Run());
        Assert.Equal("Device", ex.Error.Option);
        Assert.Equal("baseband_nope0", ex.Error.Value);
        Assert.Contains("baseband_sw0", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void DeviceWithoutLdpc_IsRefused()
    {
        using var host = new PipelineHost(o => o.Device = "baseband_null0", devargs: "baseband_null0");
        var ex = Assert.Throws<PipelineConfigurationException>(() => host.Run());
        Assert.Equal("Device", ex.Error.Option);
        Assert.Contains("LDPC encode and decode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreCellsThanTheDeviceHasQueuesFor_NamesCells()
    {
        using var host = new PipelineHost(o => o.Cells = 5, devargs: "baseband_sw0,max_nb_queues=8");
        var ex = Assert.Throws<PipelineConfigurationException>(() => host.Run());
        Assert.Equal("Cells", ex.Error.Option);
        Assert.Contains("[1, 4]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsFromDi_AreValidatedWhenRead()
    {
        using var host = new PipelineHost(o => o.Cells = 0);
        var ex = Assert.Throws<OptionsValidationException>(() => host.Run());
        Assert.Contains("Pipeline:Cells = 0 is out of range: allowed [1, 64].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void McsOutOfTable_ForEveryTable()
    {
        foreach (McsTable table in Enum.GetValues<McsTable>())
        {
            int max = McsTables.MaxIndex(table);
            Assert.Null(PipelineOptionsValidator.Find(new PipelineOptions { McsTable = table, Mcs = max, Prbs = 100 }));
            PipelineOptionError? error = PipelineOptionsValidator.Find(new PipelineOptions { McsTable = table, Mcs = max + 1 });
            Assert.NotNull(error);
            Assert.Contains($"[0, {max}] for MCS table {table}", error.Problem, StringComparison.Ordinal);
        }
    }
}
