using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*Ring*'
// FEC figures in thread CPU time (for shared machines): dotnet run -c Release --project bench/AccelSdk.Bench -- --fec-cputime
if (args is ["--fec-cputime"])
{
    AccelSdk.Bench.Fec.FecCpuTimeRunner.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
