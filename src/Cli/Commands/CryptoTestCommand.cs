using System.CommandLine;
using System.Globalization;
using AccelSdk.Core.Devices;
using AccelSdk.Crypto;
using AccelSdk.Crypto.Vectors;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Cli.Commands;

/// <summary>
/// <c>accel crypto-test</c>: replays JSON conformance vectors through a crypto device's enqueue/dequeue API and
/// prints one PASS / FAIL / UNSUPPORTED line per vector with its reason; exits non-zero if any vector fails.
/// </summary>
internal static class CryptoTestCommand
{
    public static Command Create(TextWriter output)
    {
        var vectors = new Option<string[]>("--vectors", "-v")
        {
            Description = "A vector file (*.json, schema accelsdk-crypto-vectors/1) or a directory of them (repeatable).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var device = new Option<string>("--device", "-d")
        {
            Description = "Device to test: an existing device name, or devargs to create one (NAME[,key=value...]).",
            DefaultValueFactory = _ => "crypto_sw0",
        };
        var vdev = new Option<string[]>("--vdev")
        {
            Description = "Create a virtual device first, DPDK devargs style: NAME[,key=value...] (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var segment = new Option<int>("--segment-sz")
        {
            Description = "Split every data buffer into segments of this many bytes (0 = one segment), like test-crypto-perf's --segment-sz.",
            DefaultValueFactory = _ => 0,
        };
        var noOop = new Option<bool>("--no-oop") { Description = "Skip the out-of-place cases." };
        var verbose = new Option<bool>("--verbose") { Description = "List the cases run for passing vectors." };
        var command = new Command("crypto-test", "Run symmetric crypto conformance vectors through a device (encrypt/decrypt, generate/verify, in and out of place, corrupted digests).")
        {
            vectors, device, vdev, segment, noOop, verbose,
        };
        command.SetAction(parse => Run(
            parse.GetValue(vectors) ?? [],
            parse.GetValue(device)!,
            parse.GetValue(vdev) ?? [],
            parse.GetValue(segment),
            !parse.GetValue(noOop),
            parse.GetValue(verbose),
            output));
        return command;
    }

    private static int Run(string[] paths, string deviceName, string[] vdevs, int segmentSize, bool outOfPlace, bool verbose, TextWriter output)
    {
        if (segmentSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(segmentSize), segmentSize, $"--segment-sz {segmentSize} is invalid: allowed 0 or more.");
        }

        var files = new List<CryptoVectorFile>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(CryptoVectorFile.LoadDirectory(path));
            }
            else if (File.Exists(path))
            {
                files.Add(CryptoVectorFile.Load(path));
            }
            else
            {
                throw new FileNotFoundException($"Vector path '{path}' does not exist.");
            }
        }

        if (files.Count == 0)
        {
            throw new FileNotFoundException($"No *.json vector files under {string.Join(", ", paths)}.");
        }

        using ServiceProvider provider = SdkHost.Build(o =>
        {
            foreach (string devargs in vdevs)
            {
                o.VirtualDevices.Add(devargs);
            }
        });
        DeviceRegistry registry = provider.Registry();
        CryptoDevice crypto = CryptoDeviceSetup.Open(registry, deviceName, queuePairs: 1, depth: 64);
        output.WriteLine($"crypto-test: device {crypto.Name} (driver {crypto.DriverName}), {files.Sum(f => f.Vectors.Count)} vectors in {files.Count} files");

        var options = new CryptoVectorRunnerOptions { SegmentSize = segmentSize, OutOfPlace = outOfPlace };
        using var runner = new CryptoVectorRunner(crypto, 0, options);
        int passed = 0, failed = 0, unsupported = 0, cases = 0;
        foreach (CryptoVectorFile file in files)
        {
            string fileName = Path.GetFileName(file.FilePath);
            foreach (CryptoVector vector in file.Vectors)
            {
                CryptoVectorResult result = runner.Run(vector);
                cases += result.Cases;
                switch (result.Outcome)
                {
                    case CryptoVectorOutcome.Passed:
                        passed++;
                        output.WriteLine(verbose
                            ? $"PASS        {fileName} {vector.Name} ({result.Cases} cases: {result.Reason})"
                            : $"PASS        {fileName} {vector.Name} ({result.Cases} cases)");
                        break;
                    case CryptoVectorOutcome.Failed:
                        failed++;
                        output.WriteLine($"FAIL        {fileName} {vector.Name}: {result.Reason}");
                        break;
                    default:
                        unsupported++;
                        output.WriteLine($"UNSUPPORTED {fileName} {vector.Name}: {result.Reason}");
                        break;
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{passed + failed + unsupported} vectors ({cases} ops): {passed} passed, {failed} failed, {unsupported} unsupported"));
        return failed > 0 ? AccelApp.ExitFailed : AccelApp.ExitOk;
    }
}
