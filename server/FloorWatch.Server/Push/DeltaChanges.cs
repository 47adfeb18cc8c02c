using System.Buffers;
using System.Text.Json;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Api;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Push;

/// <summary>
/// One center's deltas for the viewers that asked for changes only (the product's own pages):
/// each queue and agent row with its id and the fields that are not as last sent. A supervisor's
/// delta is most of what the server sends, and a third or more of an agent's row is its name,
/// seat, queues and other fields that a change of state leaves as they were.
/// </summary>
/// <remarks>Called for a center's deltas in seq order, from one thread at a time; joins come at any time.</remarks>
public sealed class DeltaChanges
{
    private readonly RowChanges _totals = new(RowChanges.QueueNestedFields);
    private readonly RowChanges _queues = new(RowChanges.QueueNestedFields);
    private readonly RowChanges _agents = new();
    // Kept from delta to delta: grown once to a supervisor delta's size instead of doubling up to it every time.
    private readonly ArrayBufferWriter<byte> _serialized = new(64 * 1024);
    private readonly ArrayBufferWriter<byte> _written = new(64 * 1024);
    private readonly ArrayBufferWriter<byte> _agentRow = new(1024);
    private readonly JsonField[] _agentFields = new JsonField[AgentRow.FieldCount];
    private long _seq = long.MinValue;
    private int _viewers;
    private readonly Lock _gate = new();
    private int _joining;
    private long _wholeThrough = long.MinValue;

    /// <summary>Viewers of changes of this center on this node; none, and no rows are kept or written.</summary>
    public int Viewers => Volatile.Read(ref _viewers);

    public void Track(bool watched) => Interlocked.Add(ref _viewers, watched ? 1 : -1);

    /// <summary>
    /// A viewer is joining. Its snapshot is taken between two deltas, and a row that changed after
    /// the one before the snapshot may have changed back by the one after it, so until the join is
    /// over every delta writes its rows whole and forgets the others.
    /// </summary>
    public void BeginJoin()
    {
        lock (_gate)
        {
            _joining++;
        }
    }

    /// <summary>The joining viewer has its snapshot of <paramref name="snapshotSeq"/>: the delta after it is still written whole.</summary>
    public void EndJoin(long? snapshotSeq)
    {
        lock (_gate)
        {
            _joining--;
            if (snapshotSeq is { } seq)
            {
                _wholeThrough = Math.Max(_wholeThrough, seq + 1);
            }
        }
    }

    /// <summary>The delta for supervisors' and for wallboards' viewers of changes.</summary>
    public (object Floor, object Board) Messages(FloorDelta d, object feed)
    {
        bool whole;
        lock (_gate)
        {
            whole = _joining > 0 || d.Seq <= _wholeThrough;
        }

        if (whole || d.Seq != _seq + 1)
        {
            // A viewer joining, or a missed or repeated seq: what every viewer holds is not known, so nothing is left out.
            _totals.Clear();
            _queues.Clear();
            _agents.Clear();
        }

        _seq = d.Seq;
        var totals = Rows(_totals, [d.Totals.Id], [ApiJson.Queue(d.Totals)], array: false);
        var queues = Rows(_queues, d.Queues.Select(q => q.Id), d.Queues.Select(ApiJson.Queue), array: true);
        var agents = AgentRows(d);
        return (
            ApiJson.Delta(d, feed, totals, queues, agents, d.Calls, d.EndedCalls),
            ApiJson.Delta(d, feed, totals, queues, Array.Empty<object>(), Array.Empty<object>(), Array.Empty<string>()));
    }

    /// <summary>
    /// The agents' rows, each written on its own with where its fields lie, so its changes are found
    /// without reading it back: most of a supervisor's delta.
    /// </summary>
    private RawJson AgentRows(FloorDelta d)
    {
        var alerts = ApiJson.AlertsByAgent(d.AgentAlerts);
        _written.ResetWrittenCount();
        using var rowWriter = new Utf8JsonWriter(_agentRow);
        using (var writer = new Utf8JsonWriter(_written))
        {
            writer.WriteStartArray();
            foreach (var a in d.Agents)
            {
                _agentRow.ResetWrittenCount();
                rowWriter.Reset(_agentRow);
                var row = ApiJson.Agent(a, d.AsOf, alerts.GetValueOrDefault(a.Id) ?? []);
                var fields = row.Write(rowWriter, JournalJson.Options, _agentFields);
                rowWriter.Flush();
                _agents.Write(writer, a.Id, _agentRow.WrittenSpan, _agentFields.AsSpan(0, fields));
            }

            writer.WriteEndArray();
        }

        return new RawJson(_written.WrittenSpan.ToArray());
    }

    /// <summary>
    /// The rows serialized as one array (one serializer call, not one per row), then each element
    /// written as changes from the row last sent with its id.
    /// </summary>
    private RawJson Rows(RowChanges changes, IEnumerable<string> ids, IEnumerable<object> rows, bool array)
    {
        _serialized.ResetWrittenCount();
        using (var rowsWriter = new Utf8JsonWriter(_serialized))
        {
            JsonSerializer.Serialize(rowsWriter, rows, JournalJson.Options);
        }

        _written.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_written))
        {
            if (array)
            {
                writer.WriteStartArray();
            }

            var all = _serialized.WrittenSpan;
            var reader = new Utf8JsonReader(all);
            reader.Read();
            using var id = ids.GetEnumerator();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray && id.MoveNext())
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                changes.Write(writer, id.Current, all[start..(int)reader.BytesConsumed]);
            }

            if (array)
            {
                writer.WriteEndArray();
            }
        }

        return new RawJson(_written.WrittenSpan.ToArray());
    }
}
