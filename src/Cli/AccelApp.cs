using System.CommandLine;
using AccelSdk.Cli.Commands;

namespace AccelSdk.Cli;

/// <summary>The <c>accel</c> command line: builds the command tree and runs it with one-line errors.</summary>
internal static class AccelApp
{
    /// <summary>Exit code for success.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code when a test or vector failed.</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit code for bad usage or an error before any work.</summary>
    public const int ExitError = 2;

    public static RootCommand BuildRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("accel: the AccelSdk tool. Runs test-bbdev style validation and performance tests, lists devices.");
        root.Subcommands.Add(DevicesCommand.Create(output));
        root.Subcommands.Add(TestBbdevCommand.Create(output, error));
        root.Subcommands.Add(VectorsCommand.Create(output));
        root.Subcommands.Add(CryptoTestCommand.Create(output));
        root.Subcommands.Add(CryptoPerfCommand.Create(output));
        root.Subcommands.Add(DmaPerfCommand.Create(output, error));
        root.Subcommands.Add(PipelineCommand.Create(output));
        root.Subcommands.Add(GpuCompareCommand.Create(output));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = BuildRootCommand(output, error);
        ParseResult parse = root.Parse(args);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One line, no stack trace: the message of every exception the SDK throws names the field and the range.
            error.WriteLine($"accel: error: {ex.GetBaseException().Message}");
            return ExitError;
        }
    }
}
