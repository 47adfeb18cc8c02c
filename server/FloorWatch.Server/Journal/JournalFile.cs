using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Settings;
using FloorWatch.Contracts.Views;

namespace FloorWatch.Server.Journal;

/// <summary>
/// The embedded journal: one append-only file of lines "seq\tE\t{event}" or "seq\tS\tcenter\t{settings}".
/// A line counts only once its newline is on disk; a torn tail after a crash is cut off at start.
/// </summary>
public sealed class JournalFile : IDisposable
{
    public const string FileName = "journal.ndjson";
    private static readonly DateTimeOffset NoFutureLimit = DateTimeOffset.MaxValue.AddDays(-1);
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);

    public JournalFile(string folder)
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, FileName);
        _stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
    }

    public string Path { get; }

    /// <summary>Bytes of the file read as records so far by <see cref="Replay"/>, for its progress.</summary>
    public long ReplayedBytes { get; private set; }

    /// <summary>The file's length as it was when the replay began.</summary>
    public long ReplayLength { get; private set; }

    /// <summary>
    /// Reads every complete record in order, one at a time as the caller asks, so a long journal is
    /// never held in memory whole; once read to the end, cuts a torn tail and leaves the file
    /// positioned for appending.
    /// </summary>
    public IEnumerable<(string Center, JournalEntry Entry)> Replay(Action<long, string>? onBadLine = null)
    {
        _stream.Position = 0;
        ReplayLength = _stream.Length;
        var buffer = new byte[1 << 20];
        var filled = 0;
        long goodEnd = 0;
        long lineNumber = 0;
        int read;
        while ((read = _stream.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += read;
            var start = 0;
            int newline;
            while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
            {
                lineNumber++;
                var record = ParseLine(buffer.AsSpan(start, newline));
                if (record is null)
                {
                    onBadLine?.Invoke(lineNumber, Encoding.UTF8.GetString(buffer, start, Math.Min(newline, 80)));
                }

                start += newline + 1;
                ReplayedBytes = goodEnd + start;
                if (record is { } r)
                {
                    yield return r;
                }
            }

            goodEnd += start;
            Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        // Whatever follows the last newline is a record torn by a crash; it was never acknowledged.
        if (goodEnd != _stream.Length)
        {
            _stream.SetLength(goodEnd);
        }

        _stream.Position = goodEnd;
    }

    private static (string Center, JournalEntry Entry)? ParseLine(ReadOnlySpan<byte> line)
    {
        var first = line.IndexOf((byte)'\t');
        if (first < 0 || first + 2 >= line.Length || line[first + 2] != (byte)'\t'
            || !Utf8Parser.TryParse(line[..first], out long seq, out var used) || used != first)
        {
            return null;
        }

        var body = line[(first + 3)..];
        if (line[first + 1] == (byte)'E')
        {
            var parsed = CtiEventParser.Parse(body, NoFutureLimit);
            return parsed.Event is { } e ? (e.Center, new JournalEntry(seq, e, null)) : null;
        }

        if (line[first + 1] is (byte)'S' or (byte)'A')
        {
            var tab = body.IndexOf((byte)'\t');
            if (tab <= 0)
            {
                return null;
            }

            try
            {
                var center = Encoding.UTF8.GetString(body[..tab]);
                if (line[first + 1] == (byte)'A')
                {
                    var action = JsonSerializer.Deserialize<FloorAction>(body[(tab + 1)..], JournalJson.Options);
                    return action is null ? null : (center, new JournalEntry(seq, null, null, action));
                }

                var settings = JsonSerializer.Deserialize<CenterSettings>(body[(tab + 1)..], JournalJson.Options);
                return settings is null ? null : (center, new JournalEntry(seq, null, settings));
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Adds an event record to the pending write; <paramref name="rawJson"/> is the event as the switch sent it.</summary>
    public void AddEvent(long seq, ReadOnlySpan<byte> rawJson)
    {
        WriteSeq(seq, (byte)'E');
        if (rawJson.IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            _buffer.Write(rawJson);
        }
        else
        {
            // A pretty-printed element of a JSON array: one line per record, so write it compactly.
            using var doc = JsonDocument.Parse(rawJson.ToArray());
            using var writer = new Utf8JsonWriter(_buffer);
            doc.WriteTo(writer);
        }

        _buffer.Write("\n"u8);
    }

    public void AddSettings(long seq, string center, CenterSettings settings) => AddRecord(seq, (byte)'S', center, JsonSerializer.SerializeToUtf8Bytes(settings, JournalJson.Options));

    /// <summary>A person's act on the floor (an acknowledgement, a break request or decision, the feed's silence).</summary>
    public void AddAction(long seq, string center, FloorAction action) => AddRecord(seq, (byte)'A', center, JsonSerializer.SerializeToUtf8Bytes(action, JournalJson.Options));

    private void AddRecord(long seq, byte kind, string center, byte[] json)
    {
        WriteSeq(seq, kind);
        _buffer.Write(Encoding.UTF8.GetBytes(center));
        _buffer.Write("\t"u8);
        _buffer.Write(json);
        _buffer.Write("\n"u8);
    }

    private void WriteSeq(long seq, byte kind)
    {
        var span = _buffer.GetSpan(24);
        Utf8Formatter.TryFormat(seq, span, out var written);
        span[written] = (byte)'\t';
        span[written + 1] = kind;
        span[written + 2] = (byte)'\t';
        _buffer.Advance(written + 3);
    }

    /// <summary>Writes the pending records and forces them to disk: after this returns they survive a crash.</summary>
    public void Commit()
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        _stream.Write(_buffer.WrittenSpan);
        _stream.Flush(flushToDisk: true);
        _buffer.ResetWrittenCount();
    }

    /// <summary>Drops pending records that could not be committed.</summary>
    public void Discard() => _buffer.ResetWrittenCount();

    public void Dispose() => _stream.Dispose();
}
