using System.Globalization;
using Microsoft.Extensions.Options;
using VranPipeline.Scheduling;

namespace VranPipeline.Configuration;

/// <summary>
/// Checks <see cref="PipelineOptions"/> on their own (ranges, and that they describe a valid transport block); the
/// pipeline checks what depends on the device (queues, flags, iteration limit) when it starts.
/// </summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    /// <summary>Most cells.</summary>
    public const int MaxCells = 64;

    /// <summary>Most slots.</summary>
    public const int MaxSlots = 1_000_000;

    /// <summary>Most UEs per cell.</summary>
    public const int MaxUesPerCell = 16;

    /// <summary>Most PRBs (275, the largest NR carrier).</summary>
    public const int MaxPrbs = 275;

    /// <summary>Most ops per enqueue call.</summary>
    public const int MaxBurstSize = 512;

    /// <summary>Transmissions per TB including the first (rv 0, 2, 3, 1).</summary>
    public const int MaxTransmissionsLimit = 4;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        PipelineOptionError? error = Find(options);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error.ToString());
    }

    /// <summary>The first problem with <paramref name="options"/>, or null when they are valid.</summary>
    public static PipelineOptionError? Find(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PipelineOptionError? error =
            Range(nameof(options.Cells), options.Cells, 1, MaxCells)
            ?? Range(nameof(options.Slots), options.Slots, 1, MaxSlots)
            ?? Range(nameof(options.UesPerCell), options.UesPerCell, 1, MaxUesPerCell)
            ?? Range(nameof(options.Prbs), options.Prbs, 1, MaxPrbs)
            ?? Range(nameof(options.Symbols), options.Symbols, 1, 14)
            ?? Range(nameof(options.DmrsResourceElementsPerPrb), options.DmrsResourceElementsPerPrb, 0, 48)
            ?? (options.Overhead is 0 or 6 or 12 or 18 ? null : new PipelineOptionError(nameof(options.Overhead), Text(options.Overhead), "is invalid: allowed 0, 6, 12 or 18"))
            ?? (Enum.IsDefined(options.McsTable) ? null : new PipelineOptionError(nameof(options.McsTable), options.McsTable.ToString(), "is invalid: allowed Qam64, Qam256 or Qam64LowSe"))
            ?? (Enum.IsDefined(options.Modulation) ? null : new PipelineOptionError(nameof(options.Modulation), options.Modulation.ToString(), "is invalid: allowed Qpsk, Qam16, Qam64 or Qam256"))
            ?? (Enum.IsDefined(options.SlotClock) ? null : new PipelineOptionError(nameof(options.SlotClock), options.SlotClock.ToString(), "is invalid: allowed Wall or ThreadCpu"))
            ?? (options.SlotClock != SlotClock.ThreadCpu || OperatingSystem.IsLinux() ? null : new PipelineOptionError(nameof(options.SlotClock), options.SlotClock.ToString(), "is not available on this OS: allowed Wall"))
            ?? (Enum.IsDefined(options.EncodeMode) ? null : new PipelineOptionError(nameof(options.EncodeMode), options.EncodeMode.ToString(), "is invalid: allowed TransportBlock or CodeBlock"))
            ?? (options.Tbs == 0 ? Range(nameof(options.Mcs), options.Mcs, 0, McsTables.MaxIndex(options.McsTable), $" for MCS table {options.McsTable}") : null)
            ?? (options.Tbs < 0 ? new PipelineOptionError(nameof(options.Tbs), Text(options.Tbs), "is out of range: allowed 0 (from the MCS) or a size in bits of at least 24") : null)
            ?? (options.SnrDb is >= -20 and <= 60 ? null : new PipelineOptionError(nameof(options.SnrDb), Text(options.SnrDb), "is out of range: allowed [-20, 60] dB"))
            ?? (string.IsNullOrWhiteSpace(options.Device) ? new PipelineOptionError(nameof(options.Device), "\"\"", "is invalid: allowed a bbdev device or driver name") : null)
            ?? Range(nameof(options.Lcores), options.Lcores, 1, options.Cells, " (one lcore serves at least one cell)")
            ?? Range(nameof(options.BurstSize), options.BurstSize, 1, MaxBurstSize)
            ?? Range(nameof(options.IterMax), options.IterMax, 1, 100)
            ?? Range(nameof(options.MaxTransmissions), options.MaxTransmissions, 1, MaxTransmissionsLimit)
            ?? (options.BaseGraph is 0 or 1 or 2 ? null : new PipelineOptionError(nameof(options.BaseGraph), Text(options.BaseGraph), "is invalid: allowed 0 (TS 38.212 7.2.2 selection), 1 or 2"))
            ?? (options.LlrGain is > 0 and <= 64 ? null : new PipelineOptionError(nameof(options.LlrGain), Text(options.LlrGain), "is out of range: allowed (0, 64]"))
            ?? (options.SlotMicroseconds is > 0 and <= 1000 ? null : new PipelineOptionError(nameof(options.SlotMicroseconds), Text(options.SlotMicroseconds), "is out of range: allowed (0, 1000]"));
        if (error is not null)
        {
            return error;
        }

        try
        {
            _ = Grant.Create(options);
            return null;
        }
        catch (PipelineConfigurationException ex)
        {
            return ex.Error;
        }
    }

    /// <summary>Throws when <see cref="Find"/> finds a problem.</summary>
    /// <exception cref="PipelineConfigurationException">The options are invalid.</exception>
    public static void ThrowIfInvalid(PipelineOptions options)
    {
        PipelineOptionError? error = Find(options);
        if (error is not null)
        {
            throw new PipelineConfigurationException(error);
        }
    }

    private static PipelineOptionError? Range(string option, int value, int min, int max, string? note = null) =>
        value >= min && value <= max ? null : new(option, Text(value), $"is out of range: allowed [{min}, {max}]{note}");

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
