using System.Globalization;

namespace AccelSdk.Core.Devices;

/// <summary>
/// Driver arguments in DPDK devargs syntax, <c>key=value,key=value</c>. Drivers read typed values and then call
/// <see cref="ThrowIfUnused"/> so that a mistyped key is an error rather than silently ignored.
/// </summary>
public sealed class DeviceArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private DeviceArguments(Dictionary<string, string> values) => _values = values;

    /// <summary>No arguments.</summary>
    public static DeviceArguments Empty => new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The keys present.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>Parses <c>key=value[,key=value...]</c>; <see langword="null"/> or empty gives no arguments.</summary>
    /// <exception cref="FormatException">An entry has no '=' or an empty key, or a key repeats.</exception>
    public static DeviceArguments Parse(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(text))
        {
            foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new FormatException($"Device argument '{part}' is not of the form key=value.");
                }

                string key = part[..eq].Trim();
                if (!values.TryAdd(key, part[(eq + 1)..].Trim()))
                {
                    throw new FormatException($"Device argument '{key}' is given twice.");
                }
            }
        }

        return new DeviceArguments(values);
    }

    /// <summary>Reads an integer argument in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentException">The value is not an integer or is out of range.</exception>
    public int GetInt32(string key, int defaultValue, int min, int max)
    {
        _used.Add(key);
        if (!_values.TryGetValue(key, out string? text))
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new ArgumentException($"Device argument {key}={text} is invalid: expected an integer in [{min}, {max}].", key);
        }

        return value;
    }

    /// <summary>Reads a boolean argument (<c>0/1/true/false</c>).</summary>
    public bool GetBoolean(string key, bool defaultValue)
    {
        _used.Add(key);
        if (!_values.TryGetValue(key, out string? text))
        {
            return defaultValue;
        }

        return text.ToLowerInvariant() switch
        {
            "1" or "true" or "yes" or "on" => true,
            "0" or "false" or "no" or "off" => false,
            _ => throw new ArgumentException($"Device argument {key}={text} is invalid: expected 0, 1, true or false.", key),
        };
    }

    /// <summary>Reads a string argument, optionally restricted to <paramref name="allowed"/> values.</summary>
    public string GetString(string key, string defaultValue, params string[] allowed)
    {
        _used.Add(key);
        if (!_values.TryGetValue(key, out string? text))
        {
            return defaultValue;
        }

        if (allowed.Length > 0 && Array.IndexOf(allowed, text) < 0)
        {
            throw new ArgumentException($"Device argument {key}={text} is invalid: expected one of {string.Join(", ", allowed)}.", key);
        }

        return text;
    }

    /// <summary>Throws if any key was never read by the driver.</summary>
    /// <exception cref="ArgumentException">Names the unknown keys and the accepted ones.</exception>
    public void ThrowIfUnused(string driverName, IEnumerable<string> acceptedHelp)
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"Unknown argument(s) {string.Join(", ", unknown)} for driver {driverName}; accepted: {string.Join("; ", acceptedHelp)}.");
        }
    }
}
