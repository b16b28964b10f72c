namespace VranPipeline.Configuration;

/// <summary>What is wrong with one pipeline option: the option (a <see cref="PipelineOptions"/> property), its value, and the problem.</summary>
/// <param name="Option">The <see cref="PipelineOptions"/> property name, for example <c>Cells</c>.</param>
/// <param name="Value">The offending value as text.</param>
/// <param name="Problem">What is wrong, with the allowed range: "is out of range: allowed [1, 64]".</param>
public sealed record PipelineOptionError(string Option, string Value, string Problem)
{
    /// <summary>The message with the option named as a configuration key: <c>Pipeline:Cells = 0 is out of range: allowed [1, 64].</c></summary>
    public override string ToString() => $"{PipelineOptions.SectionName}:{Option} = {Value} {Problem}.";

    /// <summary>The message with the option named by <paramref name="optionName"/> (for example a command-line switch): <c>--cells 0 is out of range: allowed [1, 64].</c></summary>
    public string Format(string optionName) => $"{optionName} {Value} {Problem}.";
}
