using System.CommandLine;
using AccelSdk.Core.Devices;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AccelSdk.Cli.Commands;

/// <summary><c>accel devices</c>: lists the registered drivers and devices of every class.</summary>
internal static class DevicesCommand
{
    public static Command Create(TextWriter output)
    {
        var vdev = new Option<string[]>("--vdev")
        {
            Description = "Create a virtual device first, DPDK devargs style: NAME[,key=value...] (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("devices", "List the devices (and drivers) the SDK finds.") { vdev };
        command.SetAction(parse =>
        {
            using ServiceProvider provider = SdkHost.Build(o =>
            {
                foreach (string devargs in parse.GetValue(vdev) ?? [])
                {
                    o.VirtualDevices.Add(devargs);
                }
            });
            DeviceRegistry registry = provider.Registry();
            Write(registry, output);
            return AccelApp.ExitOk;
        });
        return command;
    }

    internal static void Write(DeviceRegistry registry, TextWriter output)
    {
        IAnsiConsole console = ConsoleFactory.Create(output);
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
    }
}
