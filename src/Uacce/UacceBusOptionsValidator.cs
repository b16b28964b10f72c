using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Discovery;
using Microsoft.Extensions.Options;

namespace AccelSdk.Uacce;

/// <summary>Checks <see cref="UacceBusOptions"/> in one place; messages name the option and the value.</summary>
internal sealed class UacceBusOptionsValidator : IValidateOptions<UacceBusOptions>
{
    public ValidateOptionsResult Validate(string? name, UacceBusOptions options)
    {
        List<string> failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void ThrowIfInvalid(UacceBusOptions options)
    {
        List<string> failures = Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }
    }

    /// <summary>Splits an allow-list entry into its device name and devargs text.</summary>
    public static (string Name, string? Arguments) SplitEntry(string entry)
    {
        string text = entry.Trim();
        if (text.StartsWith(UacceBusOptions.DevicePrefix, StringComparison.Ordinal))
        {
            text = text[UacceBusOptions.DevicePrefix.Length..];
        }

        int comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? (text, null) : (text[..comma].Trim(), text[(comma + 1)..]);
    }

    private static List<string> Check(UacceBusOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SysfsRoot))
        {
            failures.Add("Uacce:SysfsRoot must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.DevRoot))
        {
            failures.Add("Uacce:DevRoot must not be empty.");
        }

        if (options.AllowList.Count > 0 && options.BlockList.Count > 0)
        {
            failures.Add($"Uacce:AllowList ({string.Join(", ", options.AllowList)}) and Uacce:BlockList ({string.Join(", ", options.BlockList)}) cannot both be used, as DPDK's -a and -b.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string entry in options.AllowList)
        {
            (string deviceName, string? arguments) = SplitEntry(entry ?? string.Empty);
            string? problem = UacceDeviceParser.CheckName(deviceName);
            if (problem is not null)
            {
                failures.Add($"Uacce:AllowList entry '{entry}' has no usable device name: {problem}.");
                continue;
            }

            if (!seen.Add(deviceName))
            {
                failures.Add($"Uacce:AllowList names device {deviceName} twice.");
            }

            try
            {
                _ = DeviceArguments.Parse(arguments);
            }
            catch (FormatException ex)
            {
                failures.Add($"Uacce:AllowList entry '{entry}': {ex.Message}");
            }
        }

        foreach (string entry in options.BlockList)
        {
            (string deviceName, string? arguments) = SplitEntry(entry ?? string.Empty);
            string? problem = UacceDeviceParser.CheckName(deviceName);
            if (problem is not null || arguments is not null)
            {
                failures.Add($"Uacce:BlockList entry '{entry}' must be a device name alone{(problem is null ? string.Empty : $": {problem}")}.");
            }
        }

        return failures;
    }
}
