namespace AccelSdk.Cli.TestBbdev;

/// <summary>How a test case ended.</summary>
internal enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
}
