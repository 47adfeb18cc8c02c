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

    /// <summary>Reads every complete record, cuts a torn tail, and leaves the file positioned for appending.</summary>
    public IEnumerable<(string Center, JournalEntry Entry)> Replay(Action<long, string>? onBadLine = null)
    {
        _stream.Position = 0;
        var reader = new StreamReader(_stream, Encoding.UTF8, false, 1 << 16, leaveOpen: true);
        long goodEnd = 0;
        long lineNumber = 0;
        var offset = 0L;
        string? line;
        while ((line = ReadLineWithEnding(reader, out var complete, ref offset)) is not null)
        {
            lineNumber++;
            if (!complete)
            {
                break;
            }

            var record = ParseLine(line);
            if (record is null)
            {
                onBadLine?.Invoke(lineNumber, line.Length > 80 ? line[..80] : line);
            }
            else
            {
                yield return record.Value;
            }

            goodEnd = offset;
        }

        if (goodEnd != _stream.Length)
        {
            _stream.SetLength(goodEnd);
        }

        _stream.Position = goodEnd;
    }

    private static string? ReadLineWithEnding(StreamReader reader, out bool complete, ref long offset)
    {
        var sb = new StringBuilder();
        complete = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                complete = true;
                break;
            }

            sb.Append((char)c);
        }

        if (!complete && sb.Length == 0)
        {
            return null;
        }

        var text = sb.ToString();
        offset += Encoding.UTF8.GetByteCount(text) + (complete ? 1 : 0);
        return text;
    }

    private static (string, JournalEntry)? ParseLine(string line)
    {
        var first = line.IndexOf('\t', StringComparison.Ordinal);
        if (first < 0 || first + 2 >= line.Length || line[first + 2] != '\t' || !long.TryParse(line.AsSpan(0, first), out var seq))
        {
            return null;
        }

        var body = line.AsSpan(first + 3);
        if (line[first + 1] == 'E')
        {
            var parsed = CtiEventParser.Parse(Encoding.UTF8.GetBytes(body.ToString()), NoFutureLimit);
            return parsed.Event is { } e ? (e.Center, new JournalEntry(seq, e, null)) : null;
        }

        if (line[first + 1] == 'S')
        {
            var tab = body.IndexOf('\t');
            if (tab <= 0)
            {
                return null;
            }

            var center = body[..tab].ToString();
            var settings = JsonSerializer.Deserialize<CenterSettings>(body[(tab + 1)..], JournalJson.Options);
            return settings is null ? null : (center, new JournalEntry(seq, null, settings));
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

    public void AddSettings(long seq, string center, CenterSettings settings)
    {
        WriteSeq(seq, (byte)'S');
        _buffer.Write(Encoding.UTF8.GetBytes(center));
        _buffer.Write("\t"u8);
        _buffer.Write(JsonSerializer.SerializeToUtf8Bytes(settings, JournalJson.Options));
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
