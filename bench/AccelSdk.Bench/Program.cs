using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*Ring*'
// FEC figures in thread CPU time (for shared machines): dotnet run -c Release --project bench/AccelSdk.Bench -- --fec-cputime
if (args is ["--fec-cputime"])
{
    AccelSdk.Bench.Fec.FecCpuTimeRunner.Run();
    return;
}

// Turbo decoder/encoder figures in thread CPU time: ... -- --turbo-cputime [scalar|128|256|512 ...]
if (args is ["--turbo-cputime", .. var widths])
{
    AccelSdk.Bench.Fec.TurboCpuTimeRunner.Run(widths);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
