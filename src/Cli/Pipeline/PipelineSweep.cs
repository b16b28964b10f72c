using System.Globalization;

namespace AccelSdk.Cli.Pipeline;

/// <summary>The points <c>accel pipeline</c> runs: one, or an SNR sweep, or a sweep over lcores and burst sizes.</summary>
internal sealed record PipelineSweep
{
    /// <summary>SNR values in dB, or empty when the SNR is not swept.</summary>
    public IReadOnlyList<double> Snrs { get; init; } = [];

    /// <summary>Lcore counts, or empty when not swept.</summary>
    public IReadOnlyList<int> Lcores { get; init; } = [];

    /// <summary>Burst sizes, or empty when not swept.</summary>
    public IReadOnlyList<int> BurstSizes { get; init; } = [];

    public bool IsSnrSweep => Snrs.Count > 0;

    public bool IsThroughputSweep => Lcores.Count > 0 || BurstSizes.Count > 0;

    /// <summary>Parses <c>A:B:STEP</c> (dB) into A, A + STEP, ... up to B.</summary>
    /// <exception cref="ArgumentException">Malformed, STEP ≤ 0, B &lt; A, or more than 200 points.</exception>
    public static IReadOnlyList<double> ParseSnrRange(string text)
    {
        string[] parts = text.Split(':');
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double first)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double last)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double step))
        {
            throw new ArgumentException($"--snr-range {text} is invalid: allowed FIRST:LAST:STEP in dB, for example 0:4:0.5.");
        }

        if (!(step > 0) || last < first || (last - first) / step > 199)
        {
            throw new ArgumentException($"--snr-range {text} is out of range: allowed STEP > 0, LAST >= FIRST and at most 200 points.");
        }

        var values = new List<double>();
        for (int i = 0; first + (i * step) <= last + (step * 1e-9); i++)
        {
            values.Add(Math.Round(first + (i * step), 6));
        }

        return values;
    }

    /// <summary>Parses a comma-separated list of integers in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static IReadOnlyList<int> ParseList(string option, string text, int min, int max)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new ArgumentException($"{option} {text} is out of range: allowed a comma-separated list of integers in [{min}, {max}].");
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            throw new ArgumentException($"{option} {text} is empty: allowed a comma-separated list of integers in [{min}, {max}].");
        }

        return values.Distinct().Order().ToArray();
    }
}
