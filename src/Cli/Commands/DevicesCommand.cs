using System.CommandLine;
using System.Globalization;
using AccelSdk.Core.Devices;
using AccelSdk.Uacce;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AccelSdk.Cli.Commands;

/// <summary><c>accel devices</c>: lists the registered drivers and devices of every class, and the UACCE bus's devices.</summary>
internal static class DevicesCommand
{
    public static Command Create(TextWriter output)
    {
        var vdev = new Option<string[]>("--vdev")
        {
            Description = "Create a virtual device first, DPDK devargs style: NAME[,key=value...] (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var uacceRoot = new Option<string?>("--uacce-sysfs-root")
        {
            Description = $"Scan this directory for UACCE devices instead of {UacceBusOptions.DefaultSysfsRoot}.",
        };
        var command = new Command("devices", "List the devices (and drivers) the SDK finds.") { vdev, uacceRoot };
        command.SetAction(parse =>
        {
            string? root = parse.GetValue(uacceRoot);
            using ServiceProvider provider = SdkHost.Build(
                o =>
                {
                    foreach (string devargs in parse.GetValue(vdev) ?? [])
                    {
                        o.VirtualDevices.Add(devargs);
                    }
                },
                o =>
                {
                    if (root is not null)
                    {
                        o.SysfsRoot = root;
                    }
                });
            DeviceRegistry registry = provider.Registry();
            Write(registry, output, provider.GetService<UacceBus>());
            return AccelApp.ExitOk;
        });
        return command;
    }

    internal static void Write(DeviceRegistry registry, TextWriter output, UacceBus? uacce = null)
    {
        IAnsiConsole console = ConsoleFactory.Create(output);
        WriteDevicesAndDrivers(registry, console, output);
        if (uacce is not null)
        {
            WriteUacce(uacce, console, output);
        }
    }

    /// <summary>
    /// Every device the UACCE bus found, kernel or model, with its attributes and what probing made of it, even when
    /// no class driver claimed it; then what the scan skipped and why. No class directory is information, not an error.
    /// </summary>
    private static void WriteUacce(UacceBus bus, IAnsiConsole console, TextWriter output)
    {
        UacceScanResult scan = bus.LastScan ?? bus.Scan();
        if (!scan.Devices.Any(d => d.Origin == UacceDeviceOrigin.Kernel))
        {
            // Said even when device models are listed below: where the kernel devices would be is worth knowing.
            string[] usable = scan.Devices.Where(d => d.Origin == UacceDeviceOrigin.Model).Select(d => d.Name).ToArray();
            string models = bus.Models.Count == 0 ? "no device models are hosted"
                : usable.Length == 0 ? "no hosted device model is usable"
                : string.Create(CultureInfo.InvariantCulture, $"{usable.Length} device model(s) hosted ({string.Join(", ", usable)})");
            console.WriteLine(scan.SysfsRootExists
                ? $"UACCE: no devices in {scan.SysfsRoot}; {models}."
                : $"UACCE: {scan.SysfsRoot} does not exist, so there are no kernel UACCE devices (the class appears once a driver such as hisi_zip registers a device); {models}.");
        }

        if (scan.Devices.Count > 0)
        {
            var table = ConsoleFactory.NewTable(output, "UACCE device", "Origin", "Api", "Algorithms", "Mode", "Flags", "Free queues", "MMIO", "DUS", "NUMA", "Isolated", "Driver");
            foreach (UacceDevice device in scan.Devices)
            {
                UacceProbeOutcome? outcome = bus.ProbeOutcomes.FirstOrDefault(o => o.DeviceName == device.Name);
                table.AddRow(
                    Markup.Escape(device.Name),
                    device.Origin == UacceDeviceOrigin.Kernel ? "kernel" : "model",
                    Markup.Escape(device.RawApi),
                    Markup.Escape(device.Algorithms.IsEmpty ? "-" : string.Join(", ", device.Algorithms)),
                    device.AddressMode == UacceAddressMode.Sva ? "SVA" : "no IOMMU",
                    string.Create(CultureInfo.InvariantCulture, $"0x{(uint)device.Flags:X}"),
                    device.AvailableInstances?.ToString(CultureInfo.InvariantCulture) ?? "?",
                    device.MmioRegionSize.ToString(CultureInfo.InvariantCulture),
                    device.DusRegionSize.ToString(CultureInfo.InvariantCulture),
                    device.NumaNode < 0 ? "-" : device.NumaNode.ToString(CultureInfo.InvariantCulture),
                    device.Isolated switch { true => "yes", false => "no", null => "-" },
                    Markup.Escape(DescribeOutcome(outcome)));
            }

            console.Write(table);
        }

        if (bus.Drivers.Count > 0)
        {
            var drivers = ConsoleFactory.NewTable(output, "UACCE driver", "Class", "Matches", "Arguments");
            foreach (Uacce.Drivers.IUacceDriver driver in bus.Drivers)
            {
                drivers.AddRow(
                    Markup.Escape(driver.Name),
                    driver.Class.ToString().ToLowerInvariant(),
                    Markup.Escape(string.Join("; ", driver.IdTable) + ((driver.Flags & Uacce.Drivers.UacceDriverFlags.ForwardCompatible) != 0 ? " (and later versions)" : string.Empty)),
                    Markup.Escape(string.Join("; ", driver.ArgumentHelp)));
            }

            console.Write(drivers);
        }

        foreach (UacceSkippedDevice skipped in scan.Skipped)
        {
            console.WriteLine($"UACCE: skipped {skipped.Name}: {skipped.Reason}.");
        }

        foreach (string warning in scan.Warnings)
        {
            console.WriteLine($"UACCE: note: {warning}.");
        }
    }

    private static string DescribeOutcome(UacceProbeOutcome? outcome) => outcome?.Status switch
    {
        UacceProbeStatus.Claimed => $"{outcome.DriverName}: {string.Join(", ", outcome.Devices)}",
        UacceProbeStatus.Declined => $"{outcome.DriverName} declined",
        UacceProbeStatus.Failed => $"{outcome.DriverName} failed: {outcome.Detail}",
        UacceProbeStatus.Isolated => "not probed (isolated)",
        _ => "(none)",
    };

    private static void WriteDevicesAndDrivers(DeviceRegistry registry, IAnsiConsole console, TextWriter output)
    {
        IReadOnlyList<IAccelDevice> devices = registry.Devices;
        if (devices.Count == 0)
        {
            console.WriteLine("No devices found. Software devices are created with --vdev NAME (drivers listed below).");
        }
        else
        {
            Table table = ConsoleFactory.NewTable(output, "Name", "Class", "Driver", "State", "Queues", "NUMA", "Location");
            foreach (IAccelDevice device in devices)
            {
                table.AddRow(
                    Markup.Escape(device.Name),
                    device.Class.ToString().ToLowerInvariant(),
                    Markup.Escape(device.DriverName),
                    device.State.ToString(),
                    device.QueueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    device.NumaNode < 0 ? "-" : device.NumaNode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(device.Location));
            }

            console.Write(table);
        }

        IReadOnlyList<IDeviceDriver> drivers = registry.Drivers;
        if (drivers.Count == 0)
        {
            console.WriteLine("No drivers registered.");
            return;
        }

        Table driverTable = ConsoleFactory.NewTable(output, "Driver", "Class", "Aliases", "Arguments");
        foreach (IDeviceDriver driver in drivers)
        {
            driverTable.AddRow(
                Markup.Escape(driver.Name),
                driver.Class.ToString().ToLowerInvariant(),
                Markup.Escape(string.Join(", ", driver.Aliases)),
                Markup.Escape(string.Join("; ", driver.ArgumentHelp)));
        }

        console.Write(driverTable);
        foreach (IDeviceDriver driver in drivers)
        {
            if (driver is Gpu.BasebandGpuDriver gpu)
            {
                console.WriteLine($"{gpu.Name}: kernels run on {gpu.DescribeAccelerator()}.");
            }
        }
    }
}
