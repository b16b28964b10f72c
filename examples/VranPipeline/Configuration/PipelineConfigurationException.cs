namespace VranPipeline.Configuration;

/// <summary>A pipeline option is invalid, alone or for the chosen device; <see cref="Error"/> says which, its value and the range.</summary>
public sealed class PipelineConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public PipelineConfigurationException(PipelineOptionError error)
        : base(error?.ToString())
    {
        Error = error ?? throw new ArgumentNullException(nameof(error));
    }

    /// <summary>The option, its value and what is wrong.</summary>
    public PipelineOptionError Error { get; }
}
