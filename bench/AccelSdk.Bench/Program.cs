using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*Ring*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
