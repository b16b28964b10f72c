using Spectre.Console;

namespace AccelSdk.Cli;

/// <summary>Creates Spectre consoles that write plain text when the output is redirected (files, pipes, tests).</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole Create(TextWriter output)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Redirected output is read by scripts and people in wide terminals: do not wrap tables at 80 columns.
            console.Profile.Width = 200;
        }

        return console;
    }

    /// <summary>A table with box-drawing borders on a terminal and plain ASCII borders when redirected.</summary>
    public static Table NewTable(TextWriter output, params string[] columns)
    {
        var table = new Table().AddColumns(columns);
        if (!IsInteractive(output))
        {
            table.Border(TableBorder.Ascii);
        }

        return table;
    }

    /// <summary>Whether live widgets (progress bars) make sense on this output.</summary>
    public static bool IsInteractive(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}
