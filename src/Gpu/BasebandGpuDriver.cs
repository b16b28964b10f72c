using AccelSdk.Core.Devices;
using AccelSdk.Gpu.Driver;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccelSdk.Gpu;

/// <summary>
/// Creates GPU baseband devices (<c>baseband_gpu0</c>): LDPC decoding batched onto a CUDA GPU through ILGPU, or onto
/// ILGPU's CPU accelerator where there is no GPU; bit-exact with <c>baseband_sw</c>. Devargs: <c>accelerator</c>,
/// <c>cuda_device</c>, <c>max_batch</c>, <c>max_wait_us</c>, <c>streams</c>, <c>max_nb_queues</c>; unset ones take
/// the <see cref="GpuDeviceOptions"/> the driver was registered with.
/// </summary>
public sealed class BasebandGpuDriver : IDeviceDriver
{
    /// <summary>The driver name.</summary>
    public const string DriverName = "baseband_gpu";

    private readonly GpuDeviceOptions _defaults;
    private readonly ILoggerFactory _loggers;

    /// <summary>A driver whose devices default to <see cref="GpuDeviceOptions"/>' defaults and log nowhere.</summary>
    public BasebandGpuDriver()
        : this(new GpuDeviceOptions(), null)
    {
    }

    /// <summary>A driver with default options for its devices and a logger factory (null: no logging).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BasebandGpuDriver(GpuDeviceOptions defaults, ILoggerFactory? loggers)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        defaults.Validate();
        _defaults = defaults;
        _loggers = loggers ?? NullLoggerFactory.Instance;
    }

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = ["bbdev_gpu"];

    /// <inheritdoc />
    public DeviceClass Class => DeviceClass.Bbdev;

    /// <inheritdoc />
    public IReadOnlyList<string> ArgumentHelp { get; } =
    [
        "accelerator=auto|cuda|cpu (default auto: CUDA when present, else ILGPU's CPU accelerator)",
        "cuda_device=N (0..63, default 0)",
        "max_batch=N (code blocks per kernel launch, 1..16384, default 1024)",
        "max_wait_us=N (longest wait of a partial batch, 0..1000000, default 50)",
        "streams=N (batches in flight per queue, 1..8, default 2)",
        "max_nb_queues=N (1..64, default 8)",
    ];

    /// <summary>
    /// Names the accelerator a device with the driver's default options would run on, without creating one: the CUDA
    /// device, or ILGPU's CPU accelerator and why (for device listings).
    /// </summary>
    public string DescribeAccelerator() => Runtime.GpuAcceleratorHost.Probe(_defaults);

    /// <summary>Creates a device with explicit options (for code that does not go through devargs).</summary>
    /// <exception cref="InvalidOperationException">The accelerator cannot be used (no CUDA device when CUDA was asked for, a start failure); one line says why.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static BbdevDevice Create(string deviceName, GpuDeviceOptions options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ILogger logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("AccelSdk.Gpu.BasebandGpu");
        var operations = new GpuDeviceOperations(deviceName, options, logger);
        try
        {
            return BbdevDevice.Create(deviceName, operations);
        }
        catch
        {
            operations.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IAccelDevice Create(string deviceName, DeviceArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = _defaults with
        {
            Accelerator = ParseAccelerator(arguments.GetString("accelerator", AcceleratorName(_defaults.Accelerator), "auto", "cuda", "cpu")),
            CudaDeviceIndex = arguments.GetInt32("cuda_device", _defaults.CudaDeviceIndex, 0, 63),
            MaxCodeBlocksPerBatch = arguments.GetInt32("max_batch", _defaults.MaxCodeBlocksPerBatch, 1, 16384),
            MaxWaitMicroseconds = arguments.GetInt32("max_wait_us", _defaults.MaxWaitMicroseconds, 0, 1_000_000),
            StreamCount = arguments.GetInt32("streams", _defaults.StreamCount, 1, 8),
            MaxQueues = arguments.GetInt32("max_nb_queues", _defaults.MaxQueues, 1, 64),
        };
        arguments.ThrowIfUnused(DriverName, ArgumentHelp);
        return Create(deviceName, options, _loggers);
    }

    private static GpuAcceleratorKind ParseAccelerator(string text) => text switch
    {
        "cuda" => GpuAcceleratorKind.Cuda,
        "cpu" => GpuAcceleratorKind.Cpu,
        _ => GpuAcceleratorKind.Auto,
    };

    private static string AcceleratorName(GpuAcceleratorKind kind) => kind switch
    {
        GpuAcceleratorKind.Cuda => "cuda",
        GpuAcceleratorKind.Cpu => "cpu",
        _ => "auto",
    };
}
