using System.Globalization;
using System.IO.Hashing;
using FloorWatch.Domain.QueueLog;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// One file of a followed queue_log, from its opening to its rotation: read by whole lines from
/// where the last read stopped. The file is known by its first line, which also names it in event
/// ids (<c>queue_log-&lt;first line's epoch&gt;</c>), so that the file that replaces it after a
/// rotation, at the same path, gives new ids, and reading this one again gives the same.
/// </summary>
public sealed class QueueLogFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _inLongLine;

    private QueueLogFile(string path, FileStream stream, long offset, long lines, byte[]? firstLine)
    {
        Path = path;
        _stream = stream;
        Offset = offset;
        Lines = lines;
        FirstLine = firstLine;
    }

    public string Path { get; }

    /// <summary>Bytes taken so far: the start of the first line not yet read whole.</summary>
    public long Offset { get; private set; }

    /// <summary>Lines taken so far.</summary>
    public long Lines { get; private set; }

    /// <summary>The file's first line, once it is whole.</summary>
    public byte[]? FirstLine { get; private set; }

    /// <summary>What event ids call this file, once its first line is whole.</summary>
    public string? Name => FirstLine is null ? null : NameOf(System.IO.Path.GetFileName(Path), FirstLine);

    /// <summary>The file at <paramref name="path"/>, to read from <paramref name="offset"/> on; null when there is none.</summary>
    public static QueueLogFile? Open(string path, long offset = 0, long lines = 0, byte[]? firstLine = null)
    {
        return OpenShared(path) is { } stream ? new QueueLogFile(path, stream, offset, lines, firstLine) : null;
    }

    /// <summary>The file for reading, shared every way (Asterisk goes on writing it, and a rotation renames or deletes it under us); null when there is none.</summary>
    private static FileStream? OpenShared(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads into <paramref name="buffer"/> the whole lines after <see cref="Offset"/> (not the last
    /// one while it is being written); returns how many bytes they take, 0 when there is none yet.
    /// Take them with <see cref="Advance"/> once they are in.
    /// </summary>
    public int ReadWholeLines(byte[] buffer)
    {
        while (true)
        {
            _stream.Position = Offset;
            var n = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var data = buffer.AsSpan(0, n);
            if (_inLongLine)
            {
                // The rest of a line too long to be a queue_log line, passed over up to its end.
                var end = data.IndexOf((byte)'\n');
                if (end < 0)
                {
                    Offset += n;
                    if (n < buffer.Length)
                    {
                        return 0;
                    }

                    continue;
                }

                Advance(end + 1, 1);
                _inLongLine = false;
                continue;
            }

            var last = data.LastIndexOf((byte)'\n');
            if (last < 0 && n < buffer.Length)
            {
                return 0;
            }

            if (Offset == 0 && FirstLine is null)
            {
                var first = last < 0 ? Math.Min(n, 1024) : data.IndexOf((byte)'\n');
                FirstLine = data[..first].TrimEnd((byte)'\r').ToArray();
            }

            if (last < 0)
            {
                // No line end in a whole buffer: not a queue_log line. The caller names it; it is passed over.
                _inLongLine = true;
                Offset += n;
                return -1;
            }

            return last + 1;
        }
    }

    public void Advance(int bytes, long lines)
    {
        Offset += bytes;
        Lines += lines;
    }

    /// <summary>
    /// True while the file at <paramref name="path"/> is this one: at least as long as what was
    /// taken of it, and with the same first line. A missing file is still this one (renamed, its
    /// successor not made yet): what is left of it is read through the open handle.
    /// </summary>
    public bool IsStillAt(string path)
    {
        if (FirstLine is null)
        {
            // Nothing taken yet: a rotation now changes nothing that was read.
            return true;
        }

        return Begins(path, FirstLine, Offset) != false;
    }

    /// <summary>Whether the file at <paramref name="path"/> begins with <paramref name="firstLine"/> and is at least <paramref name="minLength"/> long; null when there is no file.</summary>
    public static bool? Begins(string path, byte[] firstLine, long minLength)
    {
        using var other = OpenShared(path);
        if (other is null)
        {
            return null;
        }

        if (other.Length < Math.Max(minLength, firstLine.Length))
        {
            return false;
        }

        var head = new byte[firstLine.Length];
        other.ReadExactly(head);
        return head.AsSpan().SequenceEqual(firstLine);
    }

    /// <summary>The file's name and its first line's epoch (or, for a first line that has none, a hash of it).</summary>
    public static string NameOf(string fileName, byte[] firstLine)
    {
        var bar = Array.IndexOf(firstLine, (byte)'|');
        var epoch = bar is > 0 and <= 12 && firstLine.AsSpan(0, bar).IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            ? System.Text.Encoding.ASCII.GetString(firstLine, 0, bar)
            : "h" + XxHash3.HashToUInt64(firstLine).ToString("x16", CultureInfo.InvariantCulture);
        // Clipped as the import's names are, so that every id stays within the contract's length.
        var name = fileName.Length <= QueueLogTranslator.MaxFileNameLength ? fileName : fileName[..QueueLogTranslator.MaxFileNameLength];
        return $"{name}-{epoch}";
    }

    public void Dispose() => _stream.Dispose();
}
