using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Hosting;

/// <summary>
/// The data folder is made and tried for writing before anything is kept in it, so a path that
/// cannot hold the journal stops the start with the setting named rather than halfway through it.
/// </summary>
public static class DataFolder
{
    /// <param name="path">Validated as given (not empty).</param>
    public static void Prepare(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OptionsValidationException(FloorWatchOptions.Section, typeof(FloorWatchOptions),
                [$"FloorWatch:DataPath: '{path}' cannot be the data folder ({ex.Message}); give a folder this user may create and write"]);
        }
    }
}
