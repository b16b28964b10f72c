using AccelSdk.Bench.Ldpc;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*Ring*'           (BenchmarkDotNet suites)
// dotnet run -c Release --project bench/AccelSdk.Bench -- --fec-cputime               (encoder/CRC figures in thread CPU time)
// dotnet run -c Release --project bench/AccelSdk.Bench -- bler --bg 1 --zc 384 ...     (LDPC BLER over AWGN)
// dotnet run -c Release --project bench/AccelSdk.Bench -- decoder-speed                (decoder throughput in thread CPU time)
// dotnet run -c Release --project bench/AccelSdk.Bench -- --turbo-cputime [256 ...]    (turbo figures in thread CPU time)
if (args is ["--fec-cputime"])
{
    AccelSdk.Bench.Fec.FecCpuTimeRunner.Run();
    return 0;
}

// Turbo decoder/encoder figures in thread CPU time: ... -- --turbo-cputime [scalar|128|256|512 ...]
if (args is ["--turbo-cputime", .. var widths])
{
    AccelSdk.Bench.Fec.TurboCpuTimeRunner.Run(widths);
    return 0;
}

if (args.Length > 0 && args[0] == "bler")
{
    return BlerTool.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "decoder-speed")
{
    return DecoderSpeedTool.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(BlerTool).Assembly).Run(args);
return 0;
