using AccelSdk.Bbdev.DependencyInjection;
using AccelSdk.Core.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VranPipeline.Configuration;
using VranPipeline.DependencyInjection;
using VranPipeline.Pipeline;

// Configuration: appsettings.json next to the program, then an optional --config FILE, then the command line
// (--Pipeline:Cells 4, or the short switches below), later sources winning.
var switches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
{
    ["--config"] = "Config",
    ["--cells"] = "Pipeline:Cells",
    ["--slots"] = "Pipeline:Slots",
    ["--ues"] = "Pipeline:UesPerCell",
    ["--tbs"] = "Pipeline:Tbs",
    ["--mcs"] = "Pipeline:Mcs",
    ["--prbs"] = "Pipeline:Prbs",
    ["--snr"] = "Pipeline:SnrDb",
    ["--lcores"] = "Pipeline:Lcores",
    ["--device"] = "Pipeline:Device",
};
IConfiguration commandLine = new ConfigurationBuilder().AddCommandLine(args, switches).Build();
IConfigurationBuilder builder = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true);
if (commandLine["Config"] is { } configFile)
{
    builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
}

IConfiguration configuration = builder.AddCommandLine(args, switches).Build();

// Services: the SDK with its software drivers and the devices the configuration asks for, logging, the pipeline.
var services = new ServiceCollection();
services.AddLogging(logging => logging
    .AddConfiguration(configuration.GetSection("Logging"))
    .AddSimpleConsole(console => console.SingleLine = true));
services.AddAccelSdk(sdk => configuration.GetSection("AccelSdk").Bind(sdk))
    .AddBbdevSoftwareDrivers();
services.AddVranPipeline(configuration.GetSection(PipelineOptions.SectionName));

using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("VranPipeline");
try
{
    L1Pipeline pipeline = provider.GetRequiredService<L1Pipeline>();
    PipelineResult result = pipeline.Run();
    logger.LogInformation(
        "Done: {Bits} bits delivered, BLER {First:P2} first transmission / {Residual:P2} after HARQ, goodput {Goodput:F1} Mbit/s over the air, L1 {Processing:F1} Mbit/s",
        result.DeliveredBits, result.FirstTransmissionBler, result.ResidualBler, result.GoodputMbps, result.ProcessingMbps);
    return result.Cells.Sum(c => c.UndetectedErrors) == 0 ? 0 : 1;
}
catch (PipelineConfigurationException ex)
{
    Console.Error.WriteLine($"vran-pipeline: error: {ex.Message}");
    return 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    Console.Error.WriteLine($"vran-pipeline: error: {ex.Message}");
    return 2;
}
