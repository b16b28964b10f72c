namespace AccelSdk.Cli.Tests;

public sealed class DevicesCommandTests
{
    [Fact]
    public void Version_PrintsTheAssemblyVersion()
    {
        (int code, string output, _) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public void Help_ListsTheDevicesCommand()
    {
        (int code, string output, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("devices", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVdev_IsOneLineErrorAndNonZeroExit()
    {
        (int code, _, string error) = CliRunner.Run("devices", "--vdev", "no_such_driver0");
        Assert.NotEqual(0, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no_such_driver0", line, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_ExitsNonZero()
    {
        (int code, _, _) = CliRunner.Run("no-such-command");
        Assert.NotEqual(0, code);
    }
}
