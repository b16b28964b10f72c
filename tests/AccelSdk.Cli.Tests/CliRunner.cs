namespace AccelSdk.Cli.Tests;

/// <summary>Runs the <c>accel</c> command tree in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = AccelApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
