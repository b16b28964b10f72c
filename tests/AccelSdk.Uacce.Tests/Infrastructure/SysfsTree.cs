namespace AccelSdk.Uacce.Tests.Infrastructure;

/// <summary>
/// A synthetic UACCE class directory in a temp folder: <c>Root</c> stands for <c>/sys/class/uacce</c> and
/// <c>DevRoot</c> for <c>/dev</c>. Devices are directories of attribute files written as the kernel prints them.
/// </summary>
internal sealed class SysfsTree : IDisposable
{
    public SysfsTree()
    {
        Base = Directory.CreateTempSubdirectory("uacce-test-").FullName;
        Root = Path.Combine(Base, "class", "uacce");
        DevRoot = Path.Combine(Base, "dev");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(DevRoot);
    }

    public string Base { get; }

    public string Root { get; }

    public string DevRoot { get; }

    /// <summary>The attributes of a complete SVA device as a HiSilicon ZIP engine with UDMA publishes them.</summary>
    public static Dictionary<string, string> CompleteAttributes() => new(StringComparer.Ordinal)
    {
        ["api"] = "hisi_qm_v5\n",
        ["flags"] = "1\n",
        ["algorithms"] = "udma\nzlib\ngzip\n",
        ["available_instances"] = "3\n",
        ["region_mmio_size"] = "8192\n",
        ["region_dus_size"] = "1069056\n",
        ["device/numa_node"] = "1\n",
        ["isolate"] = "0\n",
        ["isolate_strategy"] = "0\n",
    };

    /// <summary>Writes a device directory; a null value leaves the attribute out.</summary>
    public string AddDevice(string name, IReadOnlyDictionary<string, string?> attributes)
    {
        string directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        foreach ((string attribute, string? text) in attributes)
        {
            if (text is null)
            {
                continue;
            }

            string path = Path.Combine(directory, attribute);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return directory;
    }

    /// <summary>A complete device with some attributes replaced (null removes one).</summary>
    public string AddDevice(string name, params (string Attribute, string? Text)[] changes)
    {
        Dictionary<string, string> attributes = CompleteAttributes();
        var result = new Dictionary<string, string?>(attributes.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)), StringComparer.Ordinal);
        foreach ((string attribute, string? text) in changes)
        {
            result[attribute] = text;
        }

        return AddDevice(name, result);
    }

    /// <summary>Makes <c>DevRoot/name</c> a symbolic link to <paramref name="target"/>.</summary>
    public string LinkCharDevice(string name, string target)
    {
        string path = Path.Combine(DevRoot, name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Base, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
