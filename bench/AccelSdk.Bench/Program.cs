using AccelSdk.Bench.Ldpc;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*LdpcDecoder*'   (BenchmarkDotNet suites)
// dotnet run -c Release --project bench/AccelSdk.Bench -- bler --bg 1 --zc 384 ...     (LDPC BLER over AWGN)
if (args.Length > 0 && args[0] == "bler")
{
    return BlerTool.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(BlerTool).Assembly).Run(args);
return 0;
