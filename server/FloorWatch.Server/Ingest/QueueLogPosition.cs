using System.Text.Json;
using FloorWatch.Domain.QueueLog;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// How far a followed queue_log has been taken in, saved under the data folder after each batch of
/// its lines is journaled: the file (by its first line), the byte and line reached, and what the
/// translator holds of the members. A restart goes on from there, with the members as they were.
/// </summary>
public sealed record QueueLogPosition(string Path, byte[] FirstLine, long Offset, long Lines, IReadOnlyList<QueueLogMember> Members)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string FileFor(string dataPath, string center) => System.IO.Path.Combine(dataPath, "queue-log", center + ".json");

    /// <summary>The saved position, or null when there is none (or it cannot be read, which the caller is told).</summary>
    public static QueueLogPosition? Load(string file, out string? error)
    {
        error = null;
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return FromJson(File.ReadAllBytes(file));
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    public static QueueLogPosition FromJson(byte[] json) =>
        JsonSerializer.Deserialize<QueueLogPosition>(json, Json) ?? throw new JsonException("no position in the file");

    /// <summary>The position as saved: also what a follower goes back to when lines after it could not be taken in.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Written to a new file and renamed over the old, so a crash leaves one or the other whole.</summary>
    public static void Save(string file, byte[] json)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        var temp = file + ".new";
        File.WriteAllBytes(temp, json);
        File.Move(temp, file, overwrite: true);
    }
}
