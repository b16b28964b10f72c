namespace AccelSdk.Cli.TestBbdev;

/// <summary>test-bbdev's test cases (<c>-c</c>).</summary>
internal enum TestCaseKind
{
    Validation,
    Throughput,
    Latency,
    Offload,
    Bler,
}
